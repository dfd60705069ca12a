package org.workrelief.payout;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;

/**
 * What the payout screens read beyond one batch: totals, the public notice, late batches for the home
 * page and finance's desk. Reading only; every change goes through {@link PayoutService}.
 */
@Service
public class PayoutQueries {

    private final JdbcClient jdbc;
    private final PayoutBatches batches;
    private final Clock clock;

    PayoutQueries(JdbcClient jdbc, PayoutBatches batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /** Totals of a batch, per team and overall. */
    public record Totals(String team, int lines, BigDecimal days, BigDecimal due, BigDecimal deducted, BigDecimal payable) {
    }

    public static List<Totals> totals(List<PayoutLine> lines) {
        Map<String, List<PayoutLine>> byTeam = lines.stream()
                .collect(Collectors.groupingBy(PayoutLine::teamName, LinkedHashMap::new, Collectors.toList()));
        List<Totals> totals = new ArrayList<>();
        byTeam.forEach((team, teamLines) -> totals.add(sum(team, teamLines)));
        totals.add(sum(null, lines));
        return totals;
    }

    /** The whole batch's totals. */
    public static Totals overall(List<PayoutLine> lines) {
        return sum(null, lines);
    }

    private static Totals sum(String team, List<PayoutLine> lines) {
        return new Totals(team, lines.size(),
                lines.stream().map(PayoutLine::days).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(PayoutLine::amountDue).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(PayoutLine::deduction).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(PayoutLine::amountPayable).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * How long a notice stays readable after the wages were released: as long as the wage records must
     * be kept (保障农民工工资支付条例: at least three years), so a villager can check it later. After
     * that the list of names comes down (the ledger keeps the records).
     */
    public static final Period NOTICE_KEPT = Period.ofYears(3);

    /**
     * What the public notice shows: no login, reached only by the batch's unguessable link. A notice
     * whose keeping time ended is {@code withdrawn}: its batch and project only, no lines.
     */
    public record PublicNotice(String projectCode, String projectName, PayoutBatch batch, List<PayoutLine> lines,
            Totals total, boolean withdrawn) {

        /** The wages of the list have been released (已发放 or 已结清). */
        public boolean paidOut() {
            return batch.status() == BatchStatus.RELEASED || batch.status() == BatchStatus.SETTLED;
        }
    }

    /**
     * The notice of a batch from its publication on: on notice, approved, released and settled alike,
     * until {@link #NOTICE_KEPT} after the release (then withdrawn).
     */
    @Transactional(readOnly = true)
    public Optional<PublicNotice> publicNotice(String token) {
        if (token == null || token.length() < 20) {
            return Optional.empty();
        }
        return jdbc.sql("select * from payout_batch where notice_token = :token").param("token", token)
                .query(PayoutBatch.class).optional()
                .filter(batch -> batch.status() != BatchStatus.DRAFT)
                .map(batch -> {
                    ProjectName project = jdbc.sql("select code, name from project_name where id = :projectId")
                            .param("projectId", batch.projectId()).query(ProjectName.class).single();
                    boolean withdrawn = batch.releasedAt() != null
                            && !batch.releasedAt().isAfter(noticeKeptSince(clock));
                    List<PayoutLine> lines = withdrawn ? List.of() : batches.linesOf(batch.id());
                    return new PublicNotice(project.code(), project.name(), batch, lines, overall(lines), withdrawn);
                });
    }

    private record ProjectName(String code, String name) {
    }

    /**
     * 本人查询: one of a worker's own payout lines with its batch, and the follow-up batch a failed line was
     * re-issued in (or null).
     */
    public record OwnLine(PayoutLine line, PayoutBatch batch, PayoutBatch reissuedIn) {
    }

    /**
     * A worker's own payout lines, the latest period first, of batches from their publication on (a draft
     * may still change and is not shown). For the worker's self-service session: the caller has verified
     * the worker's PIN and passes only the session's worker.
     */
    @Transactional(readOnly = true)
    public List<OwnLine> ownLines(long workerId) {
        return jdbc.sql(PayoutBatches.LINE_SELECT + " join payout_batch ob on ob.id = l.batch_id"
                + " where l.worker_id = :workerId and ob.status <> :draft order by ob.period_from desc, ob.id desc")
                .param("workerId", workerId).param("draft", BatchStatus.DRAFT.name()).query(PayoutBatches::toLine).list()
                .stream().map(this::own).toList();
    }

    /** One of the worker's own lines (as {@link #ownLines}); empty when the line is not theirs or not yet publicized. */
    @Transactional(readOnly = true)
    public Optional<OwnLine> ownLine(long workerId, long lineId) {
        return batches.line(lineId).filter(line -> line.workerId() == workerId).map(this::own)
                .filter(own -> own.batch().status() != BatchStatus.DRAFT);
    }

    private OwnLine own(PayoutLine line) {
        return new OwnLine(line, batches.find(line.batchId()),
                line.reissuedIn() == null ? null : batches.find(line.reissuedIn()));
    }

    /** Notices of batches released at or before this instant are withdrawn ({@link #NOTICE_KEPT}). */
    public static Instant noticeKeptSince(Clock clock) {
        return clock.instant().atZone(clock.getZone()).minus(NOTICE_KEPT).toInstant();
    }

    /**
     * A batch with lines not paid 30 days after its period ended (payment delay), for the home page:
     * how many lines, and how long since the period ended.
     */
    public record LateBatch(long batchId, long projectId, String projectName, LocalDate periodFrom, LocalDate periodTo,
            long unpaidLines, long daysLate) {
    }

    /** The viewer's batches with late lines, the oldest period first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<LateBatch> lateBatches(SignedInUser viewer, int limit) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select b.id, b.project_id, p.name, b.period_from, b.period_to, l.unpaid
                from payout_batch b join project_name p on p.id = b.project_id
                join lateral (select count(*) as unpaid from payout_line l
                              where l.batch_id = b.id and %s) l on l.unpaid > 0
                where b.period_to < :lateFrom and (:county or p.town_id = :townId)
                order by b.period_to, b.id limit :limit
                """.formatted(UNPAID)).param("lateFrom", today.minusDays(LATE_AFTER_DAYS))
                .param("county", viewer.isCountyLevel()).param("townId", viewer.isCountyLevel() ? 0L : viewer.townId())
                .param("limit", limit).query((rs, i) -> {
                    LocalDate periodTo = rs.getObject("period_to", LocalDate.class);
                    return new LateBatch(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
                            rs.getObject("period_from", LocalDate.class), periodTo, rs.getLong("unpaid"),
                            java.time.temporal.ChronoUnit.DAYS.between(periodTo, today));
                }).list();
    }

    /**
     * A line {@code l} not paid: written out from {@link LineStatus}, not bound, as the partial index
     * {@code ix_payout_line_unpaid} (V10) is used only when the planner sees its predicate's values.
     */
    private static final String UNPAID = "l.status in ('%s', '%s')".formatted(LineStatus.PENDING.name(),
            LineStatus.FAILED.name());

    /** A line awaiting the bank's answer: written out as {@link #UNPAID} is, that partial index covers it. */
    private static final String PENDING = "status = '%s'".formatted(LineStatus.PENDING.name());

    static final int LATE_AFTER_DAYS = 30;

    /** Whether the bank's answer is still expected for the batch: released, with lines it has not answered. */
    @Transactional(readOnly = true)
    public boolean awaitingBankResults(SignedInUser viewer, long batchId) {
        PayoutBatch batch = batches.batch(viewer, batchId);
        return batch.status() == BatchStatus.RELEASED && jdbc.sql(
                "select exists (select 1 from payout_line where batch_id = :batchId and " + PENDING + ")")
                .param("batchId", batchId).query(Boolean.class).single();
    }

    /**
     * A batch on finance's desk: its lines and amount, and of them the lines awaiting the bank's answer
     * and the lines the bank returned that are not yet paid again.
     */
    public record FinanceBatch(long batchId, long projectId, String projectCode, String projectName, LocalDate periodFrom,
            LocalDate periodTo, BatchStatus status, boolean followUp, long lines, BigDecimal payable, long pendingLines,
            BigDecimal pendingAmount, long failedLines, BigDecimal failedAmount) {
    }

    /**
     * What finance has to do (the home page): batches approved and waiting for release, released and
     * waiting for the bank's results, and with failed lines not yet re-issued. A released batch can be
     * in both of the last two. {@code more}: only the oldest {@code limit} batches are listed.
     */
    public record FinanceDesk(List<FinanceBatch> toRelease, List<FinanceBatch> awaitingResults, List<FinanceBatch> failed,
            boolean more) {

        public boolean empty() {
            return toRelease.isEmpty() && awaitingResults.isEmpty() && failed.isEmpty();
        }
    }

    /** The viewer's town's (or the county's) batches needing finance, the oldest period first; one statement. */
    @Transactional(readOnly = true)
    public FinanceDesk financeDesk(SignedInUser viewer, int limit) {
        List<FinanceBatch> batches = jdbc.sql("""
                select b.id, b.project_id, p.code, p.name, b.period_from, b.period_to, b.status, b.reissue_of,
                       count(l.id) as lines, coalesce(sum(l.amount_payable), 0) as payable,
                       count(l.id) filter (where l.status = :pending) as pending,
                       coalesce(sum(l.amount_payable) filter (where l.status = :pending), 0) as pending_amount,
                       count(l.id) filter (where l.status = :failed) as failed,
                       coalesce(sum(l.amount_payable) filter (where l.status = :failed), 0) as failed_amount
                from payout_batch b join project_name p on p.id = b.project_id
                left join payout_line l on l.batch_id = b.id
                where b.status in (:approved, :released) and (:county or p.town_id = :townId)
                group by b.id, p.code, p.name
                order by b.period_to, b.id limit :limit
                """).param("pending", LineStatus.PENDING.name()).param("failed", LineStatus.FAILED.name())
                .param("approved", BatchStatus.APPROVED.name()).param("released", BatchStatus.RELEASED.name())
                .param("county", viewer.isCountyLevel()).param("townId", viewer.isCountyLevel() ? 0L : viewer.townId())
                .param("limit", limit + 1)
                .query((rs, i) -> new FinanceBatch(rs.getLong("id"), rs.getLong("project_id"), rs.getString("code"),
                        rs.getString("name"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), BatchStatus.valueOf(rs.getString("status")),
                        rs.getObject("reissue_of") != null, rs.getLong("lines"), rs.getBigDecimal("payable"),
                        rs.getLong("pending"), rs.getBigDecimal("pending_amount"), rs.getLong("failed"),
                        rs.getBigDecimal("failed_amount"))).list();
        List<FinanceBatch> shown = batches.subList(0, Math.min(limit, batches.size()));
        return new FinanceDesk(shown.stream().filter(b -> b.status() == BatchStatus.APPROVED).toList(),
                shown.stream().filter(b -> b.status() == BatchStatus.RELEASED && b.pendingLines() > 0).toList(),
                shown.stream().filter(b -> b.status() == BatchStatus.RELEASED && b.failedLines() > 0).toList(),
                batches.size() > limit);
    }
}
