/**
 * 维权/诉求: complaints all year. A clerk records a worker's complaint taken by phone or in person (the
 * worker may also file one from the self-service page); each has a number, a status (已受理 → 处理中 →
 * 已办结 / 已驳回), a deadline in working days and an owner, and overdue ones are shown on the homes of
 * those who must act. An objection during a payout notice is a complaint on the batch: the complaint
 * module provides payout's {@link org.workrelief.payout.BatchComplaints}, so an open complaint on a batch
 * or its line holds the batch's approval and release.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "payout", "worker", "project", "account", "common" })
package org.workrelief.complaint;
