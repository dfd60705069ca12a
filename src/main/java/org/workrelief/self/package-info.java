/**
 * 本人查询: the worker's own self-service pages, phone-first and without an account. The worker names
 * themself by worker code or ID number and their PIN (the worker module's PIN rules and lock-out), gets a
 * session of their own (not a staff sign-in, ended after a few idle minutes) and reads only their own
 * record: projects and teams, each day of a month, each payout line and its pay slip. Reads through the
 * owning modules' public read methods; every lookup is audited with the client's address.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "attendance", "supervision", "payout", "complaint", "worker", "team", "project", "account", "common" })
package org.workrelief.self;
