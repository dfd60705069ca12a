package org.workrelief.payout;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.audit.AuditChainHeads;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.worker.AccountKind;

/**
 * 工资支付台账 (保障农民工工资支付条例 Art. 15): per project and month, every payout line of the month's
 * batches (follow-ups included) with what the article asks for: the employer (the implementing entity),
 * the payment period and date, name, ID number (in full for finance only, masked for everyone else),
 * phone, days worked, amount due, each deduction with its item and amount, amount paid, and the bank's
 * transaction reference from its result file, or where there is none the signature sheets the line was
 * confirmed on. Kept at least three years: nothing a line depends on can be deleted (V29 and V5 triggers,
 * foreign keys); finance's download, with the full ID numbers, is audited.
 */
@Service
public class WageLedger {

    static final List<String> COLUMNS = List.of("用人单位（实施主体）", "支付周期", "批次", "工号", "姓名", "身份证号", "联系电话", "班组",
            "出勤天数", "日工资(元)", "应发(元)", "扣减项目", "扣减金额(元)", "实发(元)", "账户类型", "收款账户", "银行结果", "支付日期",
            "发放延迟(天)", "银行交易流水号 / 签字表", "互证确认");

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final AuditChainHeads auditChains;
    private final DataProtector protector;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;

    WageLedger(JdbcClient jdbc, ProjectService projects, AuditChainHeads auditChains, DataProtector protector,
            AuditLog auditLog, PlatformTransactionManager transactionManager) {
        this.auditChains = auditChains;
        this.jdbc = jdbc;
        this.projects = projects;
        this.protector = protector;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The months the project has batches in (by the month a batch's period starts), the latest first. */
    @Transactional(readOnly = true)
    public List<YearMonth> months(SignedInUser viewer, long projectId) {
        projects.get(viewer, projectId);
        return jdbc.sql("""
                select distinct date_trunc('month', period_from)::date as month from payout_batch where project_id = :projectId
                order by month desc
                """).param("projectId", projectId).query(LocalDate.class).stream().map(YearMonth::from).toList();
    }

    /** The ledger's lines; the last column is always the cross-confirmations. */
    @Transactional(readOnly = true)
    public List<List<String>> rows(SignedInUser viewer, long projectId, YearMonth month) {
        Project project = projects.get(viewer, projectId);
        boolean fullIds = viewer.hasRole(Role.FINANCE);
        String employer = project.getEntityName() + (project.getEntityCreditCode() == null
                || project.getEntityCreditCode().isBlank() ? "" : "（" + project.getEntityCreditCode() + "）");
        return jdbc.sql("""
                select b.id, b.period_from, b.period_to, w.worker_code, w.name, w.id_number_masked, w.id_number_cipher,
                       w.phone, l.team_name, l.days, l.day_rate, l.amount_due, l.deduction, l.deduction_reason,
                       l.amount_payable, l.status, l.bank_reason, l.paid_on, l.bank_reference, l.account_kind, l.bank_name,
                       l.bank_card_masked,
                       (select string_agg(distinct '签字表#' || c.sheet_id, '、') from cross_confirmation c
                        where c.line_id = l.id and c.sheet_id is not null) as sheets,
                       (select string_agg(v.name || '（' || v.worker_code || '）' || case c.method
                                   when :pin then '本人确认码'
                                   when :sheet then '签字表#' || c.sheet_id
                                        || case when s.attested_at is null then '（待核对）' else '（已核对）' end
                                   else '无凭证录入' end, '；' order by c.slot)
                        from cross_confirmation c join worker_name v on v.id = c.witness_worker_id
                        left join confirmation_sheet s on s.id = c.sheet_id where c.line_id = l.id) as confirmations
                from payout_line l join payout_batch b on b.id = l.batch_id join worker_payee_account w on w.id = l.worker_id
                where b.project_id = :projectId and b.period_from between :from and :to
                order by b.id, l.team_id, w.worker_code
                """).param("pin", ConfirmationService.Method.PIN.name()).param("sheet", ConfirmationService.Method.SHEET.name())
                .param("projectId", projectId).param("from", Date.valueOf(month.atDay(1)))
                .param("to", Date.valueOf(month.atEndOfMonth())).query(LedgerLine.class).stream()
                .map(line -> line.row(employer, fullIds ? protector.decrypt(line.idNumberCipher()) : line.idNumberMasked()))
                .toList();
    }

    /** A line of the ledger as the query reads it, by column name ({@code id} is the batch's). */
    private record LedgerLine(long id, LocalDate periodFrom, LocalDate periodTo, String workerCode, String name,
            String idNumberMasked, String idNumberCipher, String phone, String teamName, BigDecimal days, BigDecimal dayRate,
            BigDecimal amountDue, BigDecimal deduction, String deductionReason, BigDecimal amountPayable, LineStatus status,
            String bankReason, LocalDate paidOn, String bankReference, String accountKind, String bankName,
            String bankCardMasked, String sheets, String confirmations) {

        /** The ledger's columns ({@link #COLUMNS}), the ID number as the viewer may see it. */
        List<String> row(String employer, String idNumber) {
            boolean paid = status == LineStatus.PAID;
            boolean released = bankCardMasked != null;
            String reference = bankReference != null ? bankReference : nullToEmpty(sheets);
            return new ArrayList<>(List.of(employer, periodFrom + "~" + periodTo, String.valueOf(id), workerCode, name,
                    idNumber, nullToEmpty(phone), teamName, days.toPlainString(), dayRate.toPlainString(),
                    amountDue.toPlainString(), deduction.signum() == 0 ? "" : nullToEmpty(deductionReason),
                    deduction.toPlainString(), paid ? amountPayable.toPlainString() : "0.00",
                    released ? AccountKind.of(accountKind).label() : "",
                    released ? nullToEmpty(bankName) + " " + bankCardMasked : "",
                    RESULTS.get(status) + (bankReason == null ? "" : "：" + bankReason),
                    paidOn == null ? "" : paidOn.toString(),
                    paidOn == null ? "" : String.valueOf(ChronoUnit.DAYS.between(periodTo, paidOn)),
                    reference, nullToEmpty(confirmations)));
        }
    }

    private static final Map<LineStatus, String> RESULTS = Map.of(LineStatus.PENDING, "待银行反馈", LineStatus.PAID, "成功",
            LineStatus.FAILED, "失败", LineStatus.REISSUED, "失败已补发");

    /**
     * The XLSX. Finance's copy carries the full ID numbers, so its download is audited first, like the bank
     * file's; the masked copy everyone else takes is not (as before).
     */
    public void write(SignedInUser viewer, long projectId, YearMonth month, OutputStream out) throws IOException {
        Project project = projects.get(viewer, projectId);
        if (viewer.hasRole(Role.FINANCE)) {
            transaction.executeWithoutResult(status -> auditLog.recordAs(viewer.getUsername(),
                    AuditEvent.of("WAGE_LEDGER_DOWNLOADED", "Project", projectId).inProject(projectId, project.getTownId())
                            .detail(month + " 含完整身份证号")));
        }
        List<List<String>> rows = new ArrayList<>(rows(viewer, projectId, month));
        rows.add(List.of());
        rows.add(List.of(auditChains.ledgerLine(projectId, month.atEndOfMonth())));
        org.workrelief.common.sheet.SheetWriter.xlsx("工资支付台账 " + month, COLUMNS, rows, out);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
