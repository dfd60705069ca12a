package org.workrelief.payout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.UserDirectory;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.db.AdvisoryLocks;
import org.workrelief.common.db.RowStamp;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.supervision.ApprovedAttendance;

/**
 * A payout batch's life from creation to release (rules 7 and 9): lines computed from approved
 * attendance only, deductions and recomputation, the public notice, approval and release through the
 * {@link ReleaseGate}, after which no line changes. Every state move checks the
 * version the user saw, so a batch changed by someone else meanwhile is refused with "reload".
 */
@Service
public class PayoutService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;
    private final ProjectService projects;
    private final ApprovedAttendance attendance;
    private final PayoutBatches batches;
    private final Clock clock;
    private final Duration noticePeriod;
    private final UserDirectory users;
    private final CallbackStore callbacks;
    private final ReleaseGate gate;
    private final ApplicationEventPublisher events;

    PayoutService(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc, ProjectService projects,
            ApprovedAttendance attendance, PayoutBatches batches, Clock clock,
            @Value("${workrelief.payout.notice-period:P7D}") Duration noticePeriod, UserDirectory users,
            CallbackStore callbacks, ReleaseGate gate, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.events = events;
        this.gate = gate;
        this.callbacks = callbacks;
        this.users = users;
        this.projects = projects;
        this.attendance = attendance;
        this.batches = batches;
        this.clock = clock;
        this.noticePeriod = noticePeriod;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Clock clock() {
        return clock;
    }

    // --- creating -----------------------------------------------------------------------------

    /**
     * A batch for a period inside one month, from approved attendance only. Refused while any day
     * of the period with sign-ins lacks an approved review (the days are listed), when the period
     * overlaps another batch of the project, or when nobody has a counted day.
     */
    @Transactional
    public PayoutBatch create(SignedInUser actor, long projectId, LocalDate from, LocalDate to) {
        actor.require(Role.ADMIN, Role.STAFF);
        Project project = projects.get(actor, projectId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new BusinessRuleException("payout.period.invalid");
        }
        if (!YearMonth.from(from).equals(YearMonth.from(to))) {
            throw new BusinessRuleException("payout.period.oneMonth");
        }
        if (!to.isBefore(today())) {
            throw new BusinessRuleException("payout.period.notOver");
        }
        // one batch creation per project at a time, so two overlapping periods cannot both pass the check
        AdvisoryLocks.lock(jdbc, AdvisoryLocks.batchCreation(projectId));
        List<LocalDate> unapproved = attendance.unapprovedDays(projectId, from, to);
        if (!unapproved.isEmpty()) {
            throw new BusinessRuleException("payout.unapprovedDays", unapproved.size(),
                    unapproved.stream().map(LocalDate::toString).collect(Collectors.joining("、")));
        }
        List<PayoutBatch> overlapping = jdbc.sql("""
                select * from payout_batch where project_id = :projectId and reissue_of is null
                  and period_from <= :to and period_to >= :from
                """).param("projectId", projectId).param("to", to).param("from", from).query(PayoutBatch.class).list();
        if (!overlapping.isEmpty()) {
            throw new BusinessRuleException("payout.period.overlaps", overlapping.get(0).periodFrom(),
                    overlapping.get(0).periodTo());
        }
        List<ApprovedAttendance.WorkerTotals> totals = attendance.totals(projectId, from, to);
        if (totals.isEmpty()) {
            throw new BusinessRuleException("payout.noAttendance");
        }
        RowStamp stamp = RowStamp.now(clock, actor.getUsername());
        long batchId = stamp.on(jdbc.sql("""
                insert into payout_batch (project_id, period_from, period_to, status, prepared_by,
                                          %s)
                values (:projectId, :from, :to, :draft, :stampedBy, %s) returning id
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES))).param("projectId", projectId).param("from", from)
                .param("to", to).param("draft", BatchStatus.DRAFT.name()).query(Long.class).single();
        Map<Long, TeamOf> teams = teamsOf(projectId, to);
        List<MapSqlParameterSource> rows = new ArrayList<>(totals.size());
        BigDecimal allDays = BigDecimal.ZERO;
        BigDecimal allPayable = BigDecimal.ZERO;
        for (ApprovedAttendance.WorkerTotals t : totals) {
            TeamOf team = teams.get(t.workerId());
            if (team == null) {
                throw new BusinessRuleException("payout.noTeam", jdbc.sql(
                        "select worker_code from worker_name where id = :workerId").param("workerId", t.workerId())
                        .query(String.class).single());
            }
            Amounts amounts = Amounts.of(t.fullDays(), t.halfDays(), team.dayRate(), BigDecimal.ZERO);
            allDays = allDays.add(amounts.days());
            allPayable = allPayable.add(amounts.payable());
            rows.add(stamp.on(new MapSqlParameterSource()).addValue("batchId", batchId).addValue("workerId", t.workerId())
                    .addValue("teamId", team.teamId()).addValue("teamName", team.name()).addValue("fullDays", t.fullDays())
                    .addValue("halfDays", t.halfDays()).addValue("days", amounts.days()).addValue("dayRate", team.dayRate())
                    .addValue("due", amounts.due()).addValue("payable", amounts.payable()));
        }
        // one JDBC batch (sent as multi-row inserts, reWriteBatchedInserts): JdbcClient has no batch, so the named
        // template's batchUpdate, with the who/when columns bound per row by RowStamp.on
        batchJdbc.batchUpdate("""
                insert into payout_line (batch_id, worker_id, team_id, team_name, full_days, half_days, days, day_rate,
                                         amount_due, deduction, amount_payable, %s)
                values (:batchId, :workerId, :teamId, :teamName, :fullDays, :halfDays, :days, :dayRate, :due, 0, :payable, %s)
                """.formatted(RowStamp.COLUMNS, RowStamp.VALUES), rows.toArray(MapSqlParameterSource[]::new));
        PayoutBatch batch = batches.find(batchId);
        // the totals of the lines just written, summed as they were computed (not read back)
        batches.audit(actor, "PAYOUT_BATCH_CREATED", batch, project, null, Map.of("from", from.toString(), "to", to.toString(),
                "lines", rows.size(), "days", allDays, "payable", allPayable), null);
        return batch;
    }

    /** Days, amount due and payable of a line: days = full + half / 2; due = days × rate, to the fen. */
    record Amounts(BigDecimal days, BigDecimal due, BigDecimal payable) {

        static Amounts of(int fullDays, int halfDays, BigDecimal dayRate, BigDecimal deduction) {
            BigDecimal days = BigDecimal.valueOf(fullDays).add(BigDecimal.valueOf(halfDays).multiply(new BigDecimal("0.5")))
                    .setScale(1, RoundingMode.UNNECESSARY);
            BigDecimal due = days.multiply(dayRate).setScale(2, RoundingMode.HALF_UP);
            return new Amounts(days, due, due.subtract(deduction));
        }
    }

    private record TeamOf(long workerId, long teamId, String name, BigDecimal dayRate) {
    }

    /** Each worker's team on the project as of the period's end (the latest enrollment begun by then). */
    private Map<Long, TeamOf> teamsOf(long projectId, LocalDate periodEnd) {
        Map<Long, TeamOf> teams = new HashMap<>();
        jdbc.sql("""
                select distinct on (e.worker_id) e.worker_id, t.id, t.name, t.day_rate
                from enrollment_period e join team_day_rate t on t.id = e.team_id
                where e.project_id = :projectId and e.enrolled_on <= :periodEnd
                order by e.worker_id, e.enrolled_on desc, e.id desc
                """).param("projectId", projectId).param("periodEnd", periodEnd)
                .query((rs, i) -> new TeamOf(rs.getLong("worker_id"), rs.getLong("id"), rs.getString("name"),
                        rs.getBigDecimal("day_rate")))
                .list().forEach(team -> teams.put(team.workerId(), team));
        return teams;
    }

    // --- changing lines -----------------------------------------------------------------------

    /** A deduction (amount and reason) on a line; the line's confirmations are void when its amount changes. */
    @Transactional
    public PayoutLine deduct(SignedInUser actor, long lineId, BigDecimal amount, String reason, long version) {
        actor.require(Role.ADMIN, Role.STAFF);
        PayoutLine line = batches.line(lineId).orElseThrow(() -> new NotFoundException(PayoutBatches.LINE, lineId));
        PayoutBatch batch = batches.editableBatch(actor, line.batchId());
        BigDecimal deduction = amount == null ? BigDecimal.ZERO : amount;
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (deduction.signum() < 0 || deduction.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("payout.deduction.invalid");
        }
        if (deduction.compareTo(line.amountDue()) > 0) {
            throw new BusinessRuleException("payout.deduction.tooHigh", line.amountDue().toPlainString());
        }
        if (deduction.signum() > 0 && why == null) {
            throw new BusinessRuleException("payout.deduction.reason");
        }
        if (why != null && why.length() > 200) {
            throw new BusinessRuleException("payout.deduction.reasonTooLong", 200);
        }
        deduction = deduction.setScale(2, RoundingMode.UNNECESSARY);
        int changed = RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                update payout_line set deduction = :deduction, deduction_reason = :reason, amount_payable = amount_due - :deduction,
                    %s
                where id = :lineId and version = :version
                """.formatted(RowStamp.UPDATED))).param("deduction", deduction)
                .param("reason", deduction.signum() == 0 ? null : why).param("lineId", lineId).param("version", version)
                .update();
        if (changed == 0) {
            throw new BusinessRuleException("payout.stale");
        }
        PayoutLine after = batches.line(lineId).orElseThrow();
        batches.auditLine(actor, "PAYOUT_LINE_DEDUCTED", after, batch, Map.of("deduction", line.deduction(),
                "payable", line.amountPayable()), Map.of("deduction", after.deduction(), "payable", after.amountPayable(),
                "reason", String.valueOf(why)));
        voidConfirmationsIfChanged(actor, line, after, batch);
        return batches.line(lineId).orElseThrow();
    }

    /** Computes a line again from approved attendance (after a corrected review), keeping its deduction if it still fits. */
    PayoutLine recompute(SignedInUser actor, PayoutLine line, PayoutBatch batch) {
        ApprovedAttendance.WorkerTotals t = attendance.totals(batch.projectId(), batch.periodFrom(), batch.periodTo())
                .stream().filter(w -> w.workerId() == line.workerId()).findFirst()
                .orElse(new ApprovedAttendance.WorkerTotals(line.workerId(), 0, 0));
        BigDecimal deduction = line.deduction();
        Amounts amounts = Amounts.of(t.fullDays(), t.halfDays(), line.dayRate(), BigDecimal.ZERO);
        if (deduction.compareTo(amounts.due()) > 0) {
            deduction = BigDecimal.ZERO.setScale(2);
        }
        RowStamp.now(clock, actor.getUsername()).on(jdbc.sql("""
                update payout_line set full_days = :fullDays, half_days = :halfDays, days = :days, amount_due = :due,
                    deduction = :deduction,
                    deduction_reason = case when :deductionSign = 0 then null else deduction_reason end,
                    amount_payable = :payable, %s
                where id = :lineId
                """.formatted(RowStamp.UPDATED))).param("fullDays", t.fullDays()).param("halfDays", t.halfDays())
                .param("days", amounts.days()).param("due", amounts.due()).param("deduction", deduction)
                .param("deductionSign", deduction.signum()).param("payable", amounts.due().subtract(deduction))
                .param("lineId", line.id()).update();
        PayoutLine after = batches.line(line.id()).orElseThrow();
        batches.auditLine(actor, "PAYOUT_LINE_RECOMPUTED", after, batch, Map.of("days", line.days(), "payable", line.amountPayable()),
                Map.of("days", after.days(), "payable", after.amountPayable()));
        voidConfirmationsIfChanged(actor, line, after, batch);
        return batches.line(line.id()).orElseThrow();
    }

    /** Rule 8: a line whose days or amount changed loses its confirmations. */
    private void voidConfirmationsIfChanged(SignedInUser actor, PayoutLine before, PayoutLine after, PayoutBatch batch) {
        if (before.days().compareTo(after.days()) == 0 && before.amountPayable().compareTo(after.amountPayable()) == 0) {
            return;
        }
        if (batch.status() == BatchStatus.PUBLICIZED) {
            // the villagers get the whole notice period again to object to the changed amount
            RowStamp.now(clock, actor.getUsername()).on(jdbc.sql(
                    "update payout_batch set notice_until = greatest(notice_until, :noticeUntil), %s where id = :batchId"
                            .formatted(RowStamp.UPDATED)))
                    .param("noticeUntil", Timestamp.from(clock.instant().plus(noticePeriod)))
                    .param("batchId", batch.id()).update();
        }
        List<Long> witnesses = jdbc.sql("select witness_worker_id from cross_confirmation where line_id = :lineId")
                .param("lineId", after.id()).query(Long.class).list();
        if (witnesses.isEmpty()) {
            return;
        }
        jdbc.sql("delete from cross_confirmation where line_id = :lineId").param("lineId", after.id()).update();
        batches.auditLine(actor, "CONFIRMATIONS_VOIDED", after, batch, Map.of("witnesses", witnesses), Map.of("witnesses", List.of()));
    }

    // --- state moves --------------------------------------------------------------------------

    /** 公示: the notice period starts and the public list is reachable by its unguessable link. */
    @Transactional
    public PayoutBatch publicize(SignedInUser actor, long batchId, long version) {
        actor.require(Role.ADMIN, Role.STAFF);
        PayoutBatch batch = batches.batch(actor, batchId);
        if (batch.status() != BatchStatus.DRAFT) {
            throw new BusinessRuleException("payout.state.notDraft");
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        Instant now = clock.instant();
        move(batch, version, BatchStatus.PUBLICIZED, new RowStamp(now, actor.getUsername()), """
                notice_token = :noticeToken, publicized_at = :stampedAt, notice_until = :noticeUntil
                """, Map.of("noticeToken", Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                "noticeUntil", Timestamp.from(now.plus(noticePeriod))));
        PayoutBatch after = batches.find(batchId);
        CallbackStore.Sample sample = callbacks.draw(batchId, actor.getUsername(), now);
        batches.audit(actor, "PAYOUT_BATCH_PUBLICIZED", after, projects.get(actor, batch.projectId()), Map.of("status", "DRAFT"),
                Map.of("status", "PUBLICIZED", "noticeUntil", after.noticeUntil().toString(), "callbackSeed", sample.seed(),
                        "callbackSample", sample.size()), null);
        events.publishEvent(new PayoutEvents.NoticeStarted(batchId));
        return after;
    }

    /**
     * Maker-checker approval by an administrator once the {@link ReleaseGate} lets the batch through, and
     * its lines are still what approved attendance says.
     */
    @Transactional
    public PayoutBatch approve(SignedInUser actor, long batchId, long version) {
        actor.require(Role.ADMIN);
        PayoutBatch batch = batches.lockedBatch(actor, batchId);
        if (batch.status() != BatchStatus.PUBLICIZED) {
            throw new BusinessRuleException("payout.state.notPublicized");
        }
        gate.requireApprovable(actor, batch);
        if (!batch.followUp()) {
            requireMatchesApprovedAttendance(batch);
        }
        move(batch, version, BatchStatus.APPROVED, RowStamp.now(clock, actor.getUsername()),
                "approved_by = :stampedBy, approved_at = :stampedAt", Map.of());
        PayoutBatch after = batches.find(batchId);
        batches.audit(actor, "PAYOUT_BATCH_APPROVED", after, projects.get(actor, batch.projectId()), Map.of("status", "PUBLICIZED"),
                Map.of("status", "APPROVED"), null);
        return after;
    }

    /**
     * Release by finance: each line takes the worker's own bank card at this moment (rule 2); from
     * here no line changes. Two finance users releasing at once release it once.
     */
    @Transactional
    public PayoutBatch release(SignedInUser actor, long batchId, long version) {
        actor.require(Role.FINANCE);
        PayoutBatch batch = batches.lockedBatch(actor, batchId);
        if (batch.releasedAt() != null) {
            // released by someone else meanwhile (two finance officers at once): say who and when
            throw new BusinessRuleException("payout.release.already", displayNameOf(batch.releasedBy()),
                    minutes(batch.releasedAt()));
        }
        if (batch.status() != BatchStatus.APPROVED) {
            throw new BusinessRuleException("payout.state.notApproved");
        }
        gate.requireReleasable(batch);
        List<String> withoutCard = jdbc.sql("""
                select w.name from payout_line l join worker_payee_account w on w.id = l.worker_id
                where l.batch_id = :batchId and w.bank_card_cipher is null order by w.worker_code
                """).param("batchId", batchId).query(String.class).list();
        if (!withoutCard.isEmpty()) {
            throw new BusinessRuleException("payout.release.noCard", withoutCard.size(),
                    String.join("、", withoutCard.subList(0, Math.min(10, withoutCard.size()))));
        }
        // the cards are taken before the move: once released, the lines are frozen (V5 trigger). Only the version
        // moves, not RowStamp's who/when: the copy is the release's, recorded on the batch, and a line's updated_by
        // stays whoever last changed its figures (what the maker-checker rule reads)
        jdbc.sql("""
                update payout_line l set bank_name = w.bank_name, bank_card_cipher = w.bank_card_cipher,
                    bank_card_masked = w.bank_card_masked, bank_card_hash = w.bank_card_hash, account_kind = w.account_kind,
                    version = l.version + 1
                from worker_payee_account w where w.id = l.worker_id and l.batch_id = :batchId
                """).param("batchId", batchId).update();
        move(batch, version, BatchStatus.RELEASED, RowStamp.now(clock, actor.getUsername()),
                "released_by = :stampedBy, released_at = :stampedAt", Map.of());
        PayoutBatch after = batches.find(batchId);
        batches.audit(actor, "PAYOUT_BATCH_RELEASED", after, projects.get(actor, batch.projectId()), Map.of("status", "APPROVED"),
                Map.of("status", "RELEASED", "payable", PayoutQueries.overall(batches.linesOf(batchId)).payable()), null);
        events.publishEvent(new PayoutEvents.Released(batchId));
        return after;
    }

    /**
     * Rule 7 at approval: the lines are still what approved attendance says. A day corrected after the
     * batch was computed (and perhaps not yet approved again) stops the approval until the lines are
     * recomputed.
     */
    private void requireMatchesApprovedAttendance(PayoutBatch batch) {
        List<LocalDate> unapproved = attendance.unapprovedDays(batch.projectId(), batch.periodFrom(), batch.periodTo());
        if (!unapproved.isEmpty()) {
            throw new BusinessRuleException("payout.unapprovedDays", unapproved.size(),
                    unapproved.stream().map(LocalDate::toString).collect(Collectors.joining("、")));
        }
        Map<Long, ApprovedAttendance.WorkerTotals> approved = new HashMap<>();
        attendance.totals(batch.projectId(), batch.periodFrom(), batch.periodTo()).forEach(t -> approved.put(t.workerId(), t));
        List<PayoutLine> lines = batches.linesOf(batch.id());
        long differing = lines.stream().filter(line -> {
            ApprovedAttendance.WorkerTotals t = approved.remove(line.workerId());
            return t == null ? line.days().signum() != 0 : t.fullDays() != line.fullDays() || t.halfDays() != line.halfDays();
        }).count() + approved.size();
        if (differing > 0) {
            throw new BusinessRuleException("payout.approve.attendanceChanged", differing);
        }
    }

    /**
     * Computes one line again from approved attendance, after a complaint about it was looked into
     * (the day corrected and reviewed again); the batch must still be open to changes.
     */
    @Transactional
    public void recomputeLine(SignedInUser actor, long lineId) {
        actor.require(Role.ADMIN, Role.STAFF);
        PayoutLine line = batches.line(lineId).orElseThrow(() -> new NotFoundException(PayoutBatches.LINE, lineId));
        PayoutBatch batch = batches.editableBatch(actor, line.batchId());
        recompute(actor, line, batch);
    }

    /**
     * Computes every line again from approved attendance (after corrected days were reviewed again);
     * lines that change lose their confirmations. Workers newly with approved days are not added:
     * such a batch is discarded and made again.
     */
    @Transactional
    public int recomputeAll(SignedInUser actor, long batchId) {
        actor.require(Role.ADMIN, Role.STAFF);
        PayoutBatch batch = batches.editableBatch(actor, batchId);
        int changed = 0;
        for (PayoutLine line : batches.linesOf(batchId)) {
            PayoutLine after = recompute(actor, line, batch);
            if (after.amountPayable().compareTo(line.amountPayable()) != 0 || after.days().compareTo(line.days()) != 0) {
                changed++;
            }
        }
        return changed;
    }

    /** A draft batch is thrown away (made in error, or to be made again); nothing was publicized yet. */
    @Transactional
    public void discard(SignedInUser actor, long batchId, long version) {
        actor.require(Role.ADMIN, Role.STAFF);
        PayoutBatch batch = batches.lockedBatch(actor, batchId);
        if (batch.status() != BatchStatus.DRAFT || batch.version() != version) {
            throw new BusinessRuleException(batch.status() != BatchStatus.DRAFT ? "payout.discard.notDraft" : "payout.stale");
        }
        PayoutQueries.Totals all = PayoutQueries.overall(batches.linesOf(batchId));
        jdbc.sql("delete from cross_confirmation where line_id in (select id from payout_line where batch_id = :batchId)")
                .param("batchId", batchId).update();
        jdbc.sql("delete from confirmation_sheet_opened where sheet_id in (select id from confirmation_sheet where batch_id = :batchId)")
                .param("batchId", batchId).update();
        jdbc.sql("delete from confirmation_sheet where batch_id = :batchId").param("batchId", batchId).update();
        jdbc.sql("delete from payout_line where batch_id = :batchId").param("batchId", batchId).update();
        jdbc.sql("delete from payout_batch where id = :batchId").param("batchId", batchId).update();
        batches.audit(actor, "PAYOUT_BATCH_DISCARDED", batch, projects.get(actor, batch.projectId()),
                Map.of("status", "DRAFT", "lines", all.lines(), "payable", all.payable()), null, null);
    }

    /** Moves the batch if it is still in the state and version the user saw; else "changed by someone else". */
    /**
     * {@code set}: the move's own columns, by name; it may use the stamp's {@code :stampedBy} and {@code :stampedAt}
     * (who approved, when), and its other parameters are {@code params}.
     */
    private void move(PayoutBatch batch, long version, BatchStatus target, RowStamp stamp, String set,
            Map<String, ?> params) {
        int moved = stamp.on(jdbc.sql("update payout_batch set " + set + ", status = :target, " + RowStamp.UPDATED
                + " where id = :batchId and status = :from and version = :version")).params(params)
                .param("target", target.name()).param("batchId", batch.id()).param("from", batch.status().name())
                .param("version", version).update();
        if (moved == 0) {
            throw new BusinessRuleException("payout.stale");
        }
    }

    // --- helpers ------------------------------------------------------------------------------

    /** A user's display name for a message, their user name if the account is gone. */
    private String displayNameOf(String username) {
        return users.displayNames(List.of(username)).getOrDefault(username, username);
    }

    /** A moment as the people of the project read it: yyyy-MM-dd HH:mm in the application's zone. */
    private String minutes(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(clock.getZone()));
    }

    /**
     * A deduction as typed on the batch page: blank is none; anything that is not a plain number
     * (letters, NaN, 1e3) is refused with the deduction's rule, and nothing changes.
     */
    public static BigDecimal deductionAmount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip().replace(",", "").replace("，", "");
        if (!text.matches("\\d+(\\.\\d+)?")) {
            throw new BusinessRuleException("payout.deduction.invalid");
        }
        return new BigDecimal(text);
    }

}
