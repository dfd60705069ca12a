package org.workrelief.payout;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Date;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.audit.AuditChainHeads;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.project.ProjectService;

/**
 * 工资发放台账: per project and month, every payout line of the month's batches (follow-ups
 * included) with days, amounts due, deducted and paid, the bank's result and the payment delay.
 * One of the two ledgers the rules require be kept three years; nothing in the product deletes it.
 */
@Service
public class WageLedger {

    static final List<String> COLUMNS = List.of("批次", "工号", "姓名", "身份证号", "班组", "出勤天数", "日工资(元)",
            "应发(元)", "扣减(元)", "扣减原因", "实发(元)", "银行结果", "发放日期", "发放延迟(天)", "互证确认");

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final AuditChainHeads auditChains;

    WageLedger(JdbcTemplate jdbc, ProjectService projects, AuditChainHeads auditChains) {
        this.auditChains = auditChains;
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /** The months the project has batches in (by the month a batch's period starts), the latest first. */
    @Transactional(readOnly = true)
    public List<YearMonth> months(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return jdbc.query("""
                select distinct date_trunc('month', period_from)::date as month from payout_batch where project_id = ?
                order by month desc
                """, (rs, i) -> YearMonth.from(rs.getDate(1).toLocalDate()), projectId);
    }

    @Transactional(readOnly = true)
    public List<List<String>> rows(SignedInUser viewer, long projectId, YearMonth month) {
        projects.get(viewer, projectId);
        return jdbc.query("""
                select b.id, b.period_from, b.period_to, w.worker_code, w.name, w.id_number_masked, l.team_name, l.days,
                       l.day_rate, l.amount_due, l.deduction, l.deduction_reason, l.amount_payable, l.status,
                       l.bank_reason, l.paid_on,
                       (select string_agg(v.name || '（' || v.worker_code || '）' || case c.method
                                   when 'PIN' then '本人确认码'
                                   when 'SHEET' then '签字表#' || c.sheet_id
                                        || case when s.attested_at is null then '（待核对）' else '（已核对）' end
                                   else '无凭证录入' end, '；' order by c.slot)
                        from cross_confirmation c join worker v on v.id = c.witness_worker_id
                        left join confirmation_sheet s on s.id = c.sheet_id where c.line_id = l.id) as confirmations
                from payout_line l join payout_batch b on b.id = l.batch_id join worker w on w.id = l.worker_id
                where b.project_id = ? and b.period_from between ? and ?
                order by b.id, l.team_id, w.worker_code
                """, (rs, i) -> {
            String status = rs.getString("status");
            Date paidOn = rs.getDate("paid_on");
            boolean paid = "PAID".equals(status);
            List<String> row = new ArrayList<>(List.of(rs.getLong("id") + " (" + rs.getDate("period_from") + "~"
                    + rs.getDate("period_to") + ")", rs.getString("worker_code"), rs.getString("name"),
                    rs.getString("id_number_masked"), rs.getString("team_name"), rs.getBigDecimal("days").toPlainString(),
                    rs.getBigDecimal("day_rate").toPlainString(), rs.getBigDecimal("amount_due").toPlainString(),
                    rs.getBigDecimal("deduction").toPlainString(), nullToEmpty(rs.getString("deduction_reason")),
                    paid ? rs.getBigDecimal("amount_payable").toPlainString() : "0.00",
                    RESULTS.getOrDefault(status, status) + (rs.getString("bank_reason") == null ? ""
                            : "：" + rs.getString("bank_reason")),
                    paidOn == null ? "" : paidOn.toString(),
                    paidOn == null ? "" : String.valueOf(ChronoUnit.DAYS.between(rs.getDate("period_to").toLocalDate(),
                            paidOn.toLocalDate())), nullToEmpty(rs.getString("confirmations"))));
            return row;
        }, projectId, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
    }

    private static final java.util.Map<String, String> RESULTS = java.util.Map.of("PENDING", "待银行反馈", "PAID", "成功",
            "FAILED", "失败", "REISSUED", "失败已补发");

    public void write(SignedInUser viewer, long projectId, YearMonth month, OutputStream out) throws IOException {
        List<List<String>> rows = new ArrayList<>(rows(viewer, projectId, month));
        rows.add(List.of());
        rows.add(List.of(auditChains.ledgerLine(projectId, month.atEndOfMonth())));
        SheetWriter.xlsx("工资发放台账 " + month, COLUMNS, rows, out);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
