/**
 * 考勤: twice-daily electronic sign-in. Punches come from the roll call, attendance terminals
 * (device API) and imported terminal exports; every way in goes through {@link org.workrelief.attendance.PunchService},
 * which enforces rules 4 and 5. Also the daily sheet, the worker's month and the attendance ledger.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "worker", "team", "project", "account", "common" })
package org.workrelief.attendance;
