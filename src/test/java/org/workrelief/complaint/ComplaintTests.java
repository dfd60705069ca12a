package org.workrelief.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workrelief.support.Refusals.assertRefused;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEntry;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.complaint.ComplaintService.NewComplaint;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.payout.PayoutLine;
import org.workrelief.payout.PayoutService;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.worker.Worker;

/**
 * 维权/诉求: a clerk records a complaint for a worker of the town; it moves 已受理 → 处理中 → 已办结 /
 * 已驳回 by its owner or a town administrator only, has a deadline in working days, counts as overdue
 * after it, and while open on a payout line holds that batch's approval and release.
 */
@IntegrationTest
@RecordApplicationEvents
class ComplaintTests {

    @Autowired ApplicationEvents events;

    @Autowired PayoutFlow flow;
    @Autowired ComplaintService complaints;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired AccountService accounts;
    @Autowired AuditLog auditLog;
    @Autowired MutableClock clock;

    PaidSite p;
    Worker worker;

    @BeforeEach
    void setUp() {
        p = flow.site();
        worker = p.crew().get(1);
    }

    private Complaint taken(SignedInUser clerk, Long lineId, String owner) {
        return complaints.record(clerk, new NewComplaint(worker.getWorkerCode(), ComplaintChannel.PHONE,
                ComplaintKind.WRONG_AMOUNT, lineId, PaidSite.TO, "5月30日全天在岗，只算了半天", "13800000000", owner));
    }

    private SignedInUser anotherClerk() {
        return Principals.of(new Fixtures(accounts).user(Role.STAFF, p.s().site().town()));
    }

    @Test
    void aClerkRecordsAComplaintWithANumberAnOwnerAndADeadlineFiveWorkingDaysAway() {
        Complaint c = taken(p.staff(), null, null);
        assertThat(c.number()).matches("WQ-2025-\\d{6}");
        assertThat(c.status()).isEqualTo(ComplaintStatus.ACCEPTED);
        assertThat(c.owner()).isEqualTo(p.staff().getUsername());
        assertThat(c.townId()).isEqualTo(worker.getTownId());
        assertThat(c.raisedBy()).isEqualTo(worker.getName());
        // accepted on Tuesday 3 June 2025: five working days later is Tuesday 10 June
        assertThat(c.acceptedOn()).isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(c.deadline()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(taken(p.staff(), null, null).number()).as("numbered one after the other").isNotEqualTo(c.number());
        assertThat(auditLog.historyOf(ComplaintService.ENTITY, c.id())).extracting(AuditEntry::action)
                .containsExactly("COMPLAINT_RECORDED");
    }

    @Test
    void workingDaysSkipTheWeekend() {
        assertThat(WorkingDays.after(LocalDate.of(2025, 6, 6), 5)).as("from a Friday").isEqualTo(LocalDate.of(2025, 6, 13));
        assertThat(WorkingDays.after(LocalDate.of(2025, 6, 7), 1)).as("from a Saturday").isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(WorkingDays.after(LocalDate.of(2025, 6, 3), 3)).isEqualTo(LocalDate.of(2025, 6, 6));
    }

    @Test
    void onlyClerksOfTheWorkersTownRecordAComplaint() {
        assertThatThrownBy(() -> taken(p.finance(), null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> taken(p.s().onDuty(), null, null)).isInstanceOf(AccessDeniedException.class);
        PaidSite elsewhere = flow.site();
        assertRefused(() -> taken(elsewhere.staff(), null, null), "complaint.worker.unknown");
        assertRefused(() -> taken(p.staff(), null, elsewhere.staff().getUsername()), "complaint.owner.notOfTown");
        assertRefused(() -> complaints.record(p.staff(), new NewComplaint(worker.getWorkerCode(), ComplaintChannel.PHONE,
                ComplaintKind.OTHER, null, null, " ", null, null)), "complaint.content.required");
        assertRefused(() -> complaints.record(p.staff(), new NewComplaint(worker.getWorkerCode(), ComplaintChannel.PHONE,
                ComplaintKind.OTHER, null, PaidSite.TODAY.plusDays(1), "明天的事", null, null)), "complaint.day.future");
        Complaint c = taken(p.staff(), null, null);
        assertThatThrownBy(() -> complaints.get(elsewhere.staff(), c.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLineOfAnotherWorkerIsRefused() {
        PayoutBatch batch = flow.publicized(p);
        PayoutLine someoneElses = batches.lines(p.staff(), batch.id()).stream()
                .filter(l -> l.workerId() != worker.getId()).findFirst().orElseThrow();
        assertRefused(() -> taken(p.staff(), someoneElses.id(), null), "complaint.line.otherWorker");
    }

    @Test
    void theOwnerMovesItForwardOnlyAndARejectionGivesItsReason() {
        Complaint c = taken(p.staff(), null, null);
        assertRefused(() -> complaints.start(anotherClerk(), c.id(), c.version()), "complaint.notOwner");
        assertRefused(() -> complaints.resolve(p.s().onDuty(), c.id(), "答复", c.version()), "complaint.notOwner");

        Complaint started = complaints.start(p.staff(), c.id(), c.version());
        assertThat(started.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        assertRefused(() -> complaints.start(p.staff(), c.id(), started.version()), "complaint.move.invalid");
        assertRefused(() -> complaints.start(p.staff(), c.id(), c.version()), "complaint.stale");
        assertRefused(() -> complaints.reject(p.staff(), c.id(), " ", started.version()), "complaint.reason.required");

        Complaint rejected = complaints.reject(p.staff(), c.id(), "经核对考勤记录，当天下午未签到", started.version());
        assertThat(rejected.status()).isEqualTo(ComplaintStatus.REJECTED);
        assertThat(rejected.answer()).isEqualTo("经核对考勤记录，当天下午未签到");
        assertRefused(() -> complaints.resolve(p.staff(), c.id(), "再办", rejected.version()), "complaint.closed");

        assertThat(complaints.history(p.staff(), c.id())).extracting(ComplaintStep::status)
                .containsExactly(ComplaintStatus.ACCEPTED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.REJECTED);
        assertThat(auditLog.historyOf(ComplaintService.ENTITY, c.id())).extracting(AuditEntry::action)
                .contains("COMPLAINT_RECORDED", "COMPLAINT_STARTED", "COMPLAINT_REJECTED");
    }

    @Test
    void anAdministratorOfTheTownAnswersOrReassignsAnothersComplaint() {
        Complaint c = taken(p.staff(), null, null);
        SignedInUser other = anotherClerk();
        assertThatThrownBy(() -> complaints.reassign(p.staff(), c.id(), other.getUsername(), c.version()))
                .isInstanceOf(AccessDeniedException.class);
        Complaint handed = complaints.reassign(p.admin(), c.id(), other.getUsername(), c.version());
        assertThat(handed.owner()).isEqualTo(other.getUsername());
        assertRefused(() -> complaints.start(p.staff(), c.id(), handed.version()), "complaint.notOwner");

        assertRefused(() -> complaints.resolve(p.admin(), c.id(), "", handed.version()), "complaint.answer.required");
        Complaint resolved = complaints.resolve(p.admin(), c.id(), "已补发半天工资 80 元", handed.version());
        assertThat(resolved.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(resolved.answeredBy()).isEqualTo(p.admin().getUsername());
    }

    @Test
    void anOpenComplaintIsOverdueTheDayAfterItsDeadline() {
        Complaint c = taken(p.staff(), null, null);
        clock.set(at(LocalDate.of(2025, 6, 10)));
        assertThat(complaints.get(p.staff(), c.id()).overdueOn(complaints.today())).as("on its deadline").isFalse();
        assertThat(complaints.list(p.staff(), null, true, PageRequest.of(0, 100)).getContent())
                .extracting(Complaint::id).doesNotContain(c.id());

        clock.set(at(LocalDate.of(2025, 6, 11)));
        assertThat(complaints.get(p.staff(), c.id()).overdueOn(complaints.today())).isTrue();
        assertThat(complaints.list(p.staff(), null, true, PageRequest.of(0, 100)).getContent())
                .extracting(Complaint::id).contains(c.id());
        assertThat(complaints.overdue(p.admin(), 100).items()).extracting(Complaint::id).contains(c.id());
        assertThat(complaints.overdue(p.staff(), 100).items()).as("its owner's").extracting(Complaint::id).contains(c.id());
        assertThat(complaints.overdue(anotherClerk(), 100).items()).as("not another clerk's")
                .extracting(Complaint::id).doesNotContain(c.id());
        assertThat(complaints.overdue(flow.site().admin(), 100).items()).as("not another town's")
                .extracting(Complaint::id).doesNotContain(c.id());

        Complaint started = complaints.start(p.staff(), c.id(), c.version());
        complaints.resolve(p.staff(), c.id(), "已答复", started.version());
        assertThat(complaints.list(p.staff(), null, true, PageRequest.of(0, 100)).getContent())
                .as("closed, no longer overdue").extracting(Complaint::id).doesNotContain(c.id());
    }

    @Test
    void anOpenComplaintOnALineHoldsApprovalUntilItIsClosed() {
        PayoutBatch batch = flow.calledBack(p, flow.confirmed(p));
        PayoutLine line = batches.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() == worker.getId())
                .findFirst().orElseThrow();
        Complaint c = taken(p.staff(), line.id(), null);
        assertThat(c.batchId()).isEqualTo(batch.id());
        clock.advance(Duration.ofDays(8));
        PayoutBatch current = batches.batch(p.staff(), batch.id());
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), current.version()), "payout.approve.openObjections", 1);

        complaints.resolve(p.staff(), c.id(), "经核实金额无误，已向本人解释", c.version());
        assertThat(payouts.approve(p.checker(), batch.id(), current.version()).status().name()).isEqualTo("APPROVED");
    }

    @Test
    void anOpenComplaintOnALineHoldsTheReleaseOfAnApprovedBatch() {
        PayoutBatch approved = flow.approved(p);
        PayoutLine line = batches.lines(p.staff(), approved.id()).get(0);
        worker = p.crew().stream().filter(w -> w.getId() == line.workerId()).findFirst().orElseThrow();
        Complaint c = taken(p.staff(), line.id(), null);
        assertRefused(() -> payouts.release(p.finance(), approved.id(), approved.version()), "payout.approve.openObjections");
        complaints.reject(p.staff(), c.id(), "与公示一致", c.version());
        assertThat(payouts.release(p.finance(), approved.id(), approved.version()).status().name()).isEqualTo("RELEASED");
    }

    @Test
    void whoeverAnsweredAComplaintOnTheBatchDoesNotApproveIt() {
        PayoutBatch batch = flow.calledBack(p, flow.confirmed(p));
        PayoutLine line = batches.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() == worker.getId())
                .findFirst().orElseThrow();
        Complaint c = taken(p.staff(), line.id(), null);
        complaints.resolve(p.checker(), c.id(), "已解释", c.version());
        clock.advance(Duration.ofDays(8));
        PayoutBatch current = batches.batch(p.staff(), batch.id());
        assertRefused(() -> payouts.approve(p.checker(), batch.id(), current.version()), "payout.approve.maker");
    }

    @Test
    void theWorkerFilesTheirOwnAndSeesItsStatusAndAnswer() {
        PayoutBatch batch = flow.publicized(p);
        PayoutLine own = batches.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() == worker.getId())
                .findFirst().orElseThrow();
        PayoutLine notOwn = batches.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() != worker.getId())
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> complaints.file(worker, ComplaintKind.WRONG_AMOUNT, notOwn.id(), null, "别人的", null))
                .isInstanceOf(NotFoundException.class);
        Complaint c = complaints.file(worker, ComplaintKind.WRONG_AMOUNT, own.id(), null, "少算半天", "13800000000");
        assertThat(c.channel()).isEqualTo(ComplaintChannel.SELF_SERVICE);
        assertThat(c.batchId()).isEqualTo(batch.id());
        assertThat(accounts.activeUsers(worker.getTownId(), Role.STAFF)).extracting(u -> u.getUsername()).contains(c.owner());
        complaints.resolve(p.admin(), c.id(), "已核实，下一批补发", c.version());
        assertThat(complaints.ofWorker(worker.getId())).singleElement().satisfies(mine -> {
            assertThat(mine.status()).isEqualTo(ComplaintStatus.RESOLVED);
            assertThat(mine.answer()).isEqualTo("已核实，下一批补发");
        });
        assertThat(complaints.ofWorker(notOwn.workerId())).isEmpty();
    }

    @Test
    void eachStatusIsPublishedForWhoeverTellsTheWorker() {
        Complaint c = taken(p.staff(), null, null);
        Complaint started = complaints.start(p.staff(), c.id(), c.version());
        complaints.resolve(p.staff(), c.id(), "已答复", started.version());
        assertThat(events.stream(ComplaintStatusChanged.class).filter(e -> e.complaintId() == c.id()))
                .extracting(ComplaintStatusChanged::status)
                .containsExactly(ComplaintStatus.ACCEPTED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED);
        assertThat(events.stream(ComplaintStatusChanged.class).filter(e -> e.complaintId() == c.id()))
                .allSatisfy(e -> assertThat(e.workerId()).isEqualTo(worker.getId()));
    }

    static java.time.Instant at(LocalDate day) {
        return ZonedDateTime.of(day.atTime(9, 0), MutableClock.ZONE).toInstant();
    }
}
