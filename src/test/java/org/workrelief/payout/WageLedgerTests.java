package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.support.IntegrationTest;

/**
 * Issue 20 §4: the statutory wage ledger (工资支付台账, Art. 15): what each line holds, who sees the full ID number,
 * and that nothing a line depends on can be deleted or rewritten, by the application's role or by anyone.
 */
@IntegrationTest
class WageLedgerTests {

    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired BankService bank;
    @Autowired WageLedger ledger;
    @Autowired DataProtector protector;
    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired Flyway flyway;

    PaidSite p;
    PayoutBatch released;
    YearMonth month = YearMonth.from(PaidSite.FROM);

    @BeforeEach
    void setUp() throws Exception {
        p = flow.site();
        released = flow.released(p);
    }

    private int col(String title) {
        return WageLedger.COLUMNS.indexOf(title);
    }

    /** Pays three lines with the bank's references and fails the fourth (no reference). */
    private void bankAnswers() throws Exception {
        StringBuilder csv = new StringBuilder("银行卡号,金额(元),结果,原因,交易流水号\n");
        for (int i = 0; i < 4; i++) {
            long worker = p.crew().get(i).getId();
            csv.append(plain("bank_card_cipher", worker)).append(',').append(i == 3 ? "720.00,失败,户名不符," : "800.00,成功,,")
                    .append(i == 3 ? "" : "20250611LX00" + i).append('\n');
        }
        var result = bank.importResults(p.finance(), released.id(), "result.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void eachLineHasWhatArticle15AsksFor() throws Exception {
        bankAnswers();
        List<List<String>> rows = ledger.rows(p.staff(), p.projectId(), month);
        assertThat(rows).hasSize(4);
        var worker = p.crew().get(0);
        List<String> row = rows.stream().filter(r -> r.get(col("工号")).equals(worker.getWorkerCode())).findFirst().orElseThrow();
        assertThat(row).hasSize(WageLedger.COLUMNS.size());
        assertThat(row.get(col("用人单位（实施主体）"))).startsWith(p.s().site().project().getEntityName());
        assertThat(row.get(col("支付周期"))).isEqualTo(PaidSite.FROM + "~" + PaidSite.TO);
        assertThat(row.get(col("支付日期"))).isEqualTo(PaidSite.TODAY.plusDays(8).toString());
        assertThat(row.get(col("身份证号"))).as("masked for staff").isEqualTo(worker.getIdNumberMasked()).contains("*");
        assertThat(row.get(col("联系电话"))).isEqualTo(worker.getPhone() == null ? "" : worker.getPhone());
        assertThat(row.get(col("出勤天数"))).isEqualTo("5.0");
        assertThat(row.get(col("应发(元)"))).isEqualTo("800.00");
        assertThat(row.get(col("扣减金额(元)"))).isEqualTo("0.00");
        assertThat(row.get(col("实发(元)"))).isEqualTo("800.00");
        assertThat(row.get(col("账户类型"))).isEqualTo("银行卡");
        assertThat(row.get(col("银行交易流水号 / 签字表"))).isEqualTo("20250611LX000");
        // the failed line: no bank reference, so the signature sheet it was confirmed on
        List<String> failed = rows.stream().filter(r -> r.get(col("工号")).equals(p.crew().get(3).getWorkerCode())).findFirst()
                .orElseThrow();
        assertThat(failed.get(col("实发(元)"))).isEqualTo("0.00");
        assertThat(failed.get(col("银行结果"))).isEqualTo("失败：户名不符");
        assertThat(failed.get(col("银行交易流水号 / 签字表"))).startsWith("签字表#");
        assertThat(WageLedger.COLUMNS.get(WageLedger.COLUMNS.size() - 1)).isEqualTo("互证确认");
    }

    @Test
    void aDeductionIsListedWithItsItemAndAmount() {
        PaidSite other = flow.site();
        PayoutBatch draft = payouts.create(other.staff(), other.projectId(), PaidSite.FROM, PaidSite.TO);
        PayoutLine line = batches.lines(other.staff(), draft.id()).get(0);
        payouts.deduct(other.staff(), line.id(), new java.math.BigDecimal("50.00"), "损坏工具赔偿", line.version());
        List<String> row = ledger.rows(other.staff(), other.projectId(), month).stream()
                .filter(r -> r.get(col("扣减金额(元)")).equals("50.00")).findFirst().orElseThrow();
        assertThat(row.get(col("扣减项目"))).isEqualTo("损坏工具赔偿");
    }

    @Test
    void financeSeesTheFullIdNumberAndItsDownloadIsAudited() throws Exception {
        var worker = p.crew().get(0);
        List<String> row = ledger.rows(p.finance(), p.projectId(), month).stream()
                .filter(r -> r.get(col("工号")).equals(worker.getWorkerCode())).findFirst().orElseThrow();
        assertThat(row.get(col("身份证号"))).isEqualTo(plain("id_number_cipher", worker.getId()));
        ledger.write(p.finance(), p.projectId(), month, new ByteArrayOutputStream());
        ledger.write(p.staff(), p.projectId(), month, new ByteArrayOutputStream());
        assertThat(auditLog.historyOf("Project", p.projectId())).filteredOn(e -> e.action().equals("WAGE_LEDGER_DOWNLOADED"))
                .extracting(e -> e.actor()).containsExactly(p.finance().getUsername());
    }

    @Test
    void nothingALedgerLineDependsOnCanBeDeletedByTheApplication() throws Exception {
        bankAnswers();
        long line = jdbc.queryForObject("select min(id) from payout_line where batch_id = ? and status = 'PAID'", Long.class,
                released.id());
        long sheet = jdbc.queryForObject("select min(id) from confirmation_sheet where batch_id = ?", Long.class, released.id());
        for (String sql : List.of("delete from payout_batch where id = " + released.id(),
                "delete from payout_line where id = " + line,
                "delete from cross_confirmation where line_id = " + line,
                "delete from confirmation_sheet where id = " + sheet,
                "delete from worker where id = " + p.crew().get(0).getId(),
                "delete from project where id = " + p.projectId(),
                "update payout_line set status = 'PENDING', paid_on = null where id = " + line,
                "update payout_line set bank_reference = 'X' where id = " + line,
                "update payout_line set bank_reference = null where id = " + line,
                "update payout_line set account_kind = 'ONE_CARD' where id = " + line)) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining(sql.contains("payout_batch") || sql.contains("confirmation_sheet") ? "is kept"
                            : sql.contains("update") || sql.contains("from payout_line") ? "cannot change" : "");
        }
        // not even the schema's owner, short of switching the triggers off
        DataSource owner = flyway.getConfiguration().getDataSource();
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            assertThatThrownBy(() -> statement.execute("delete from confirmation_sheet where id = " + sheet))
                    .hasMessageContaining("kept");
        }
        assertThat(ledger.rows(p.staff(), p.projectId(), month)).hasSize(4);
    }

    private String plain(String column, long workerId) {
        return protector.decrypt(jdbc.queryForObject("select " + column + " from worker where id = ?", String.class, workerId));
    }
}
