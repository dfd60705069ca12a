/**
 * 演示数据: the reference project (姜山镇) and one account per role, loaded only when the application
 * runs on its own embedded database (the README's run command), never on a configured server.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "publicsite", "report", "asset", "training", "supervision", "attendance", "payout", "complaint", "worker",
        "team", "project", "account", "common" })
package org.workrelief.demo;
