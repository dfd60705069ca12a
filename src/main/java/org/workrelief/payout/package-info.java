/**
 * 劳务报酬发放: payout batches computed from approved attendance (rule 7), the public notice and
 * objections, two-worker cross-confirmation (rule 8), maker-checker approval and release by finance
 * (rule 9), the bank file, bank results and the wage ledger. Every change is audited (rule 10).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "supervision", "worker", "project", "account", "common" })
package org.workrelief.payout;
