/**
 * 公开信息: the public, phone-first pages of each town, without login, for WeChat sharing: its
 * projects' public facts, job notices (用工信息), policy notes and the payout notices (on display, and
 * kept for three years after the wages are released, marked as paid).
 * Nothing personal beyond what a payout notice allows (name, masked ID, amount).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "complaint", "payout", "worker", "project", "account", "common" })
package org.workrelief.publicsite;
