package org.workrelief.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.payout.BankService;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.payout.PayoutLine;
import org.workrelief.payout.PayoutService;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/**
 * 欠薪预警 (issue 20 §7) on the reviewed week of {@link PaidSite} (2025-05-26 to 05-30: four workers,
 * 3,120.00 yuan): each of the four warnings appears exactly when its deadline has passed, names the
 * project, the workers and the amount, and goes when the wages are dealt with.
 */
@IntegrationTest
class ArrearsWarningTests {

    @Autowired PayoutFlow flow;
    @Autowired ArrearsService arrears;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired BankService bank;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void aMonthWithWorkAndNoBatchIsWarnedAfterTheTenthOfTheNextMonth() {
        at(LocalDate.of(2025, 6, 10));
        assertThat(of(ArrearsKind.NO_BATCH)).isEmpty();
        at(LocalDate.of(2025, 6, 11));
        ArrearsWarning w = only(ArrearsKind.NO_BATCH);
        assertThat(w.projectId()).isEqualTo(p.projectId());
        assertThat(w.periodFrom()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(w.workers()).hasSize(4).containsAll(p.crew().stream().map(c -> c.getName()).toList());
        assertThat(w.amount()).isEqualByComparingTo("3120.00");
        assertThat(w.dueBy()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(w.daysOverdue()).isEqualTo(1);

        payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        assertThat(of(ArrearsKind.NO_BATCH)).as("a batch of the month was made").isEmpty();
    }

    @Test
    void approvedDaysUnpaidThirtyDaysAfterTheirMonthAreWarnedUntilTheBankPaysThem() throws Exception {
        PayoutBatch released = flow.released(p);
        at(LocalDate.of(2025, 6, 30));
        assertThat(of(ArrearsKind.UNPAID_DAYS)).isEmpty();
        at(LocalDate.of(2025, 7, 1));
        ArrearsWarning w = only(ArrearsKind.UNPAID_DAYS);
        assertThat(w.workerCount()).isEqualTo(4);
        assertThat(w.amount()).isEqualByComparingTo("3120.00");
        assertThat(w.dueBy()).isEqualTo(LocalDate.of(2025, 6, 30));

        List<PayoutLine> lines = answer(released, true);
        ArrearsWarning left = only(ArrearsKind.UNPAID_DAYS);
        assertThat(left.workerCount()).as("the one the bank returned").isEqualTo(1);
        assertThat(left.amount()).isEqualByComparingTo(lines.get(0).amountPayable());
    }

    @Test
    void aFailedLineNotReissuedWithinSevenDaysIsWarned() throws Exception {
        PayoutBatch released = flow.released(p);
        Instant answered = clock.instant();
        List<PayoutLine> lines = answer(released, true);
        clock.set(answered.plus(Duration.ofDays(7)));
        assertThat(of(ArrearsKind.FAILED_NOT_REISSUED)).isEmpty();
        clock.set(answered.plus(Duration.ofDays(7)).plusSeconds(60));
        ArrearsWarning w = only(ArrearsKind.FAILED_NOT_REISSUED);
        assertThat(w.batchId()).isEqualTo(released.id());
        assertThat(w.workerCount()).isEqualTo(1);
        assertThat(w.amount()).isEqualByComparingTo(lines.get(0).amountPayable());
        assertThat(jdbc.queryForObject("select failed_at is not null from payout_line where id = ?", Boolean.class,
                lines.get(0).id())).isTrue();
    }

    @Test
    void aReleasedBatchWithoutBankResultsAfterFiveDaysIsWarnedToFinanceNotToStaff() throws Exception {
        PayoutBatch released = flow.released(p);
        Instant at = clock.instant();
        clock.set(at.plus(Duration.ofDays(5)));
        assertThat(of(ArrearsKind.NO_BANK_RESULTS)).isEmpty();
        clock.set(at.plus(Duration.ofDays(5)).plusSeconds(60));
        ArrearsWarning w = only(ArrearsKind.NO_BANK_RESULTS);
        assertThat(w.batchId()).isEqualTo(released.id());
        assertThat(w.workerCount()).isEqualTo(4);
        assertThat(w.amount()).isEqualByComparingTo("3120.00");

        assertThat(arrears.toActOn(p.finance())).extracting(ArrearsWarning::kind).contains(ArrearsKind.NO_BANK_RESULTS);
        assertThat(arrears.toActOn(p.staff())).extracting(ArrearsWarning::kind).doesNotContain(ArrearsKind.NO_BANK_RESULTS);
        String financeHome = panel(p.finance(), "home");
        assertThat(financeHome).contains("已发放未回银行结果", "href=\"/payouts/" + released.id() + "\"", "4 人", "3,120.00");
        assertThat(panel(p.staff(), "home")).doesNotContain("已发放未回银行结果");
        assertThat(panel(p.staff(), "overview")).contains("已发放未回银行结果");
        assertThat(page("/", p.finance())).as("the home page loads the panel").contains("/arrears/panel?on=home");
        assertThat(page("/dashboard", p.staff())).as("the overview loads it").contains("/arrears/panel?on=overview");

        answer(released, false);
        assertThat(of(ArrearsKind.NO_BANK_RESULTS)).isEmpty();
    }

    @Test
    void theListDownloadsAsXlsxNamingProjectWorkersAndAmount() throws Exception {
        at(LocalDate.of(2025, 6, 11));
        byte[] file = mvc.perform(get("/arrears/export.xlsx").with(user(p.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("预警类型");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("当月未编制发放批次");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(p.s().site().project().getName());
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(4);
            assertThat(row.getCell(7).getStringCellValue()).contains(p.crew().get(0).getName());
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(3120.0);
        }
        String page = mvc.perform(get("/arrears").with(user(p.staff()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"arrears-table\"", "当月未编制发放批次", "3,120.00");
    }

    @Test
    void anotherTownSeesNoneOfThem() {
        at(LocalDate.of(2025, 7, 1));
        assertThat(arrears.warnings(p.admin())).isNotEmpty();
        SignedInUser elsewhere = Principals.of(new Fixtures(accounts).user(Role.ADMIN, new Fixtures(accounts).town()));
        assertThat(arrears.warnings(elsewhere)).isEmpty();
    }

    private void at(LocalDate day) {
        clock.set(day.atTime(9, 0).atZone(MutableClock.ZONE).toInstant());
    }

    private List<ArrearsWarning> of(ArrearsKind kind) {
        return arrears.warnings(p.admin()).stream().filter(w -> w.kind() == kind).toList();
    }

    private ArrearsWarning only(ArrearsKind kind) {
        List<ArrearsWarning> list = of(kind);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    /** The bank's answer: every line paid, or the first returned as failed. */
    private List<PayoutLine> answer(PayoutBatch released, boolean firstFails) throws Exception {
        StringBuilder answer = new StringBuilder("银行卡号,金额,结果,原因\n");
        List<PayoutLine> lines = batches.lines(p.finance(), released.id());
        for (int i = 0; i < lines.size(); i++) {
            PayoutLine line = lines.get(i);
            String card = protector.decrypt(jdbc.queryForObject("select bank_card_cipher from worker where id = ?",
                    String.class, line.workerId()));
            answer.append(card).append(',').append(line.amountPayable())
                    .append(firstFails && i == 0 ? ",失败,账户已销户\n" : ",成功,\n");
        }
        assertThat(bank.importResults(p.finance(), released.id(), "bank.csv",
                new ByteArrayInputStream(answer.toString().getBytes(StandardCharsets.UTF_8))).errors()).isEmpty();
        return lines;
    }

    private String page(String path, SignedInUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String panel(SignedInUser who, String on) throws Exception {
        return mvc.perform(get("/arrears/panel").param("on", on).with(user(who))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
