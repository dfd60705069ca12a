package org.workrelief.payout;

import static org.workrelief.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.TestNumbers;

/** The bank file, the bank's results, the follow-up batch and settling. */
@IntegrationTest
class BankTests {

    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired ConfirmationService confirmations;
    @Autowired BankService bank;
    @Autowired DataProtector protector;
    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    PaidSite p;
    PayoutBatch released;

    @BeforeEach
    void setUp() {
        p = flow.site();
        released = flow.released(p);
    }

    @Test
    void theCsvBankFileIsPlainOneRowPerPaymentWithFullNumbersAndNoTotalsRow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bank.writeBankFile(p.finance(), released.id(), BankService.Format.CSV, out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(csv).as("no TAB or other Excel trick inside the fields").doesNotContain("\t").doesNotContain("=\"")
                .doesNotContain("合计");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).toList()).isEqualTo(BankService.BANK_FILE_COLUMNS);
        assertThat(records).as("the header and the four payments, nothing else").hasSize(5);
        List<CSVRecord> rows = records.subList(1, records.size());
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("1", "2", "3", "4");
        assertThat(rows).extracting(r -> r.get(5)).containsExactlyInAnyOrder("800.00", "800.00", "800.00", "720.00");
        for (int i = 0; i < 4; i++) {
            long worker = p.crew().get(i).getId();
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.get(2)).isEqualTo(plain("id_number_cipher", worker));
                assertThat(r.get(3)).isEqualTo(plain("bank_card_cipher", worker));
            });
        }
        assertThat(auditLog.historyOf(PayoutBatches.ENTITY, released.id())).extracting(e -> e.action())
                .contains("BANK_FILE_DOWNLOADED");
    }

    @Test
    void theXlsxBankFileHasNumbersAsNumbersAndIdAndCardNumbersAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bank.writeBankFile(p.finance(), released.id(), BankService.Format.XLSX, out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("the header and the four payments: no totals row").isEqualTo(4);
            for (int c = 0; c < 7; c++) {
                assertThat(sheet.getRow(0).getCell(c).getStringCellValue()).isEqualTo(BankService.BANK_FILE_COLUMNS.get(c));
            }
            double sum = 0;
            for (int r = 1; r <= 4; r++) {
                var row = sheet.getRow(r);
                assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(r);
                assertThat(row.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("0");
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(2).getStringCellValue()).matches("\\d{17}[\\dX]");
                assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("@");
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(3).getStringCellValue()).matches("\\d{16,19}");
                assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00");
                sum += row.getCell(5).getNumericCellValue();
                for (int c = 0; c < 7; c++) {
                    assertThat(new DataFormatter().formatCellValue(row.getCell(c))).doesNotContain("合计").doesNotContain("\t");
                }
            }
            assertThat(sum).isEqualTo(3120.00);
        }
    }

    @Test
    void onlyFinanceDownloadsTheBankFileAndEveryRefusedAttemptIsAudited() {
        for (var someone : java.util.List.of(p.admin(), p.staff(), p.s().onDuty())) {
            assertThatThrownBy(() -> bank.writeBankFile(someone, released.id(), BankService.Format.CSV,
                    new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(auditLog.historyOf(PayoutBatches.ENTITY, released.id()).stream()
                .filter(e -> e.action().equals("BANK_FILE_REFUSED")).map(e -> e.actor()))
                .containsExactlyInAnyOrder(p.admin().getUsername(), p.staff().getUsername(), p.s().onDuty().getUsername());
        // and through the page's link: 403, and audited
        for (String file : java.util.List.of("csv", "xlsx")) {
            try {
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/payouts/{b}/bank-file." + file, released.id())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(p.staff())))
                        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
            }
            catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertThat(auditLog.historyOf(PayoutBatches.ENTITY, released.id()).stream()
                .filter(e -> e.action().equals("BANK_FILE_REFUSED") && e.actor().equals(p.staff().getUsername())))
                .hasSize(3);
    }

    @Test
    void resultsMarkEachLineAndSettleTheBatchWhenAllArePaid() throws Exception {
        BankService.ResultImport result = bank.importResults(p.finance(), released.id(), "result.csv",
                results(row(0, "800.00", "成功"), row(1, "800.00", "成功"), row(2, "800.00", "成功"), row(3, "720.00", "成功")));
        assertThat(result.errors()).isEmpty();
        assertThat(result.paid()).isEqualTo(4);
        assertThat(result.settled()).isTrue();
        assertThat(batches.batch(p.finance(), released.id()).status()).isEqualTo(BatchStatus.SETTLED);
        assertThat(batches.lines(p.finance(), released.id())).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(LineStatus.PAID);
            assertThat(l.paidOn()).isEqualTo(PaidSite.TODAY.plusDays(8));
        });
    }

    @Test
    void aFileWithAMismatchMarksNothingAndListsEveryBadRow() throws Exception {
        BankService.ResultImport result = bank.importResults(p.finance(), released.id(), "result.csv",
                results(row(0, "800.00", "成功"), row(1, "799.00", "成功"), row(0, "800.00", "成功"),
                        List.of(TestNumbers.bankCard(), "800.00", "成功", ""), row(2, "800.00", "不知道")));
        assertThat(result.errors()).extracting(e -> e.messageKey()).containsExactly("payout.results.amountMismatch",
                "payout.results.duplicate", "payout.results.unknown", "payout.results.outcome");
        assertThat(result.errors()).extracting(e -> e.row()).containsExactly(3, 4, 5, 6);
        assertThat(batches.lines(p.finance(), released.id())).allSatisfy(l -> assertThat(l.status())
                .isEqualTo(LineStatus.PENDING));
    }

    @Test
    void aFailedLineIsPaidAgainInAFollowUpBatchOnceTheCardIsCorrected() throws Exception {
        bank.importResults(p.finance(), released.id(), "result.csv", results(row(0, "800.00", "成功"),
                row(1, "800.00", "成功"), row(2, "800.00", "成功"), List.of(plain("bank_card_cipher", p.crew().get(3).getId()),
                        "720.00", "失败", "账户已销户")));
        PayoutLine failed = batches.lines(p.finance(), released.id()).stream()
                .filter(l -> l.workerId() == p.crew().get(3).getId()).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo(LineStatus.FAILED);
        assertThat(failed.bankReason()).isEqualTo("账户已销户");
        assertThat(batches.batch(p.finance(), released.id()).status()).isEqualTo(BatchStatus.RELEASED);
        assertRefused(() -> bank.reissueFailed(p.staff(), released.id()),
                "payout.reissue.cardNotCorrected");

        String newCard = TestNumbers.bankCard();
        jdbc.update("update worker set bank_card_cipher = ?, bank_card_hash = ?, bank_card_masked = ? where id = ?",
                protector.encrypt(newCard), protector.hash(newCard), "****" + newCard.substring(newCard.length() - 4),
                p.crew().get(3).getId());
        PayoutBatch followUp = bank.reissueFailed(p.staff(), released.id());

        assertThat(followUp.reissueOf()).isEqualTo(released.id());
        String staff = p.staff().getUsername();
        assertThat(jdbc.queryForMap("""
                select b.prepared_by, b.created_by, b.updated_by, b.publicized_at = b.created_at as publicized_then,
                       b.version, count(distinct l.id) filter (where l.created_by = ? and l.created_at = b.created_at) as lines,
                       count(c.id) filter (where c.created_by = ? and c.created_at = b.created_at) as confirmations
                from payout_batch b join payout_line l on l.batch_id = b.id left join cross_confirmation c on c.line_id = l.id
                where b.id = ? group by b.id
                """, staff, staff, followUp.id())).as("the follow-up, its line and its confirmations written by who re-issued, at once")
                .containsEntry("prepared_by", staff).containsEntry("created_by", staff).containsEntry("updated_by", staff)
                .containsEntry("publicized_then", true).containsEntry("version", 0L).containsEntry("lines", 1L)
                .containsEntry("confirmations", 2L);
        assertThat(batches.batch(p.finance(), released.id()).status()).as("paid or re-issued: settled")
                .isEqualTo(BatchStatus.SETTLED);
        List<PayoutLine> again = batches.lines(p.finance(), followUp.id());
        assertThat(again).singleElement().satisfies(l -> {
            assertThat(l.amountPayable()).isEqualByComparingTo("720.00");
            assertThat(l.confirmations()).isEqualTo(2);
        });
        PayoutBatch approved = payouts.approve(p.checker(), followUp.id(), followUp.version());
        PayoutBatch releasedAgain = payouts.release(p.finance(), approved.id(), approved.version());
        assertThat(batches.lines(p.finance(), releasedAgain.id()).get(0).bankCardMasked()).endsWith(newCard.substring(newCard.length() - 4));
    }

    private String plain(String column, long workerId) {
        return protector.decrypt(jdbc.queryForObject("select " + column + " from worker where id = ?", String.class, workerId));
    }

    private List<String> row(int crewIndex, String amount, String outcome) {
        return List.of(plain("bank_card_cipher", p.crew().get(crewIndex).getId()), amount, outcome, "");
    }

    @SafeVarargs
    private static ByteArrayInputStream results(List<String>... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.csv(List.of("银行卡号", "金额", "结果", "原因"), new ArrayList<>(List.of(rows)), out);
        return new ByteArrayInputStream(out.toByteArray());
    }
}
