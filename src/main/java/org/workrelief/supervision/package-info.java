/**
 * 村级监督委员会: the committee members of a project, their duty roster (值班表) and the daily review
 * (每日核查) of attendance, quality and safety. Approving a review locks the day's attendance (rule 6),
 * and only approved attendance, less what the committee rejected, may be paid ({@link org.workrelief.supervision.ApprovedAttendance}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "attendance", "worker", "project", "account", "common" })
package org.workrelief.supervision;
