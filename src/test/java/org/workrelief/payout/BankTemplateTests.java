package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workrelief.support.Refusals.assertRefused;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.support.IntegrationTest;
import org.workrelief.worker.AccountKind;

/**
 * Issue 20 §5: the account kind on the bank file, and the banks' templates: columns and names in their order,
 * GBK or UTF-8 with BOM, CSV or XLSX, header row and totals row on or off, chosen per town or per batch; the
 * result import reads the same template.
 */
@IntegrationTest
class BankTemplateTests {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired BankService bank;
    @Autowired BankTemplates templates;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    private static final String RURAL_COLUMNS = "序号=序号\n姓名=户名\n银行卡号=账号\n账户类型=账户类型\n金额=金额\n身份证号=证件号码\n备注=摘要";
    private static final String RURAL_RESULTS = "银行卡号=账号\n姓名=户名\n金额=金额\n结果=处理结果\n原因=失败原因\n交易流水号=银行流水号";

    private BankTemplate template(BankTemplate.Encoding encoding, BankService.Format format, boolean header, boolean totals,
            String columns, String results) {
        return templates.create(p.finance(), new BankTemplateForm("测试模板 " + NAMES.incrementAndGet() + " " + System.nanoTime(),
                "莱西农商银行", columns, results, encoding, format, header, totals, 0));
    }

    /** The batch released after the first two workers chose a social security card and the one-card. */
    private PayoutBatch releasedWithKinds() {
        PayoutBatch approved = flow.approved(p);
        jdbc.update("update worker set account_kind = 'SOCIAL_SECURITY_CARD' where id = ?", p.crew().get(0).getId());
        jdbc.update("update worker set account_kind = 'ONE_CARD' where id = ?", p.crew().get(1).getId());
        return payouts.release(p.finance(), approved.id(), approved.version());
    }

    @Test
    void aTownsGbkCsvTemplateWritesTheBanksColumnsInItsOrderWithTheAccountKindAndATotalsRow() throws Exception {
        BankTemplate rural = template(BankTemplate.Encoding.GBK, BankService.Format.CSV, true, true, RURAL_COLUMNS, RURAL_RESULTS);
        templates.chooseForTown(p.finance(), p.s().site().town().getId(), rural.id());
        PayoutBatch released = releasedWithKinds();
        assertThat(templates.effective(released.id())).map(BankTemplate::id).contains(rural.id());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bank.writeBankFile(p.finance(), released.id(), rural, out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).as("no BOM in a GBK file").isNotEqualTo((byte) 0xEF);
        assertThat(java.util.Arrays.copyOf(bytes, 4)).as("序号 in GBK").isEqualTo("序号".getBytes(Charset.forName("GBK")));
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(new String(bytes, Charset.forName("GBK"))))
                .getRecords();
        assertThat(records.get(0).toList()).containsExactly("序号", "户名", "账号", "账户类型", "金额", "证件号码", "摘要");
        assertThat(records).as("header, four payments, totals").hasSize(6);
        List<CSVRecord> rows = records.subList(1, 5);
        assertThat(rows).extracting(r -> r.get(3)).contains("社会保障卡", "惠民惠农一卡通", "银行卡");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(1)).isEqualTo(p.crew().get(0).getName());
            assertThat(r.get(3)).isEqualTo("社会保障卡");
            assertThat(r.get(2)).isEqualTo(plain("bank_card_cipher", p.crew().get(0).getId()));
            assertThat(r.get(5)).isEqualTo(plain("id_number_cipher", p.crew().get(0).getId()));
        });
        assertThat(records.get(5).toList()).containsExactly("合计（4笔）", "", "", "", "3120.00", "", "");
    }

    /** Today's layout keeps its seven columns (BankTests) and names the kind in the remark. */
    @Test
    void theDefaultLayoutNamesTheAccountKindInTheRemark() throws Exception {
        PayoutBatch released = releasedWithKinds();
        assertThat(templates.effective(released.id())).isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bank.writeBankFile(p.finance(), released.id(), BankService.Format.CSV, out);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(new String(out.toByteArray(), StandardCharsets.UTF_8)
                .substring(1))).getRecords();
        assertThat(records.get(0).toList()).isEqualTo(BankService.BANK_FILE_COLUMNS);
        assertThat(records.subList(1, 5)).extracting(r -> r.get(6)).anySatisfy(note -> assertThat(note).endsWith(" 社会保障卡"))
                .anySatisfy(note -> assertThat(note).endsWith(" 惠民惠农一卡通")).anySatisfy(note -> assertThat(note).endsWith(" 银行卡"));
        assertThat(batches.lines(p.finance(), released.id())).hasSize(4);
        assertThat(jdbc.queryForList("select account_kind from payout_line where batch_id = ?", String.class, released.id()))
                .as("the line keeps the kind it was paid to").containsExactlyInAnyOrder("SOCIAL_SECURITY_CARD", "ONE_CARD",
                        "BANK_CARD", "BANK_CARD");
    }

    @Test
    void anXlsxTemplateWithoutHeaderRowStartsWithThePayments() throws Exception {
        BankTemplate post = template(BankTemplate.Encoding.UTF8_BOM, BankService.Format.XLSX, false, false,
                "银行卡号=收款账号\n姓名=收款户名\n金额=金额\n账户类型", "银行卡号\n姓名\n金额\n结果\n交易流水号");
        PayoutBatch released = releasedWithKinds();
        templates.chooseForBatch(p.finance(), released.id(), post.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bank.writeBankFile(p.finance(), released.id(), templates.effective(released.id()).orElseThrow(), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("four payments from row 0, no header, no totals").isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).matches("\\d{16,19}");
            assertThat(sheet.getRow(0).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isIn("银行卡", "社会保障卡", "惠民惠农一卡通");
        }
    }

    @Test
    void theResultImportReadsTheTemplateByPositionSkipsItsTotalsRowAndKeepsTheBanksReferences() throws Exception {
        BankTemplate headless = template(BankTemplate.Encoding.GBK, BankService.Format.CSV, false, true, RURAL_COLUMNS,
                "交易流水号\n银行卡号\n金额\n结果\n原因");
        templates.chooseForTown(p.finance(), p.s().site().town().getId(), headless.id());
        PayoutBatch released = flow.released(p);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            long worker = p.crew().get(i).getId();
            String amount = i == 3 ? "720.00" : "800.00";
            csv.append("LXNS2025060300").append(i).append(',').append(plain("bank_card_cipher", worker)).append(',')
                    .append(amount).append(',').append(i == 3 ? "失败,账户已冻结" : "成功,").append('\n');
        }
        csv.append("合计（4笔）,,3120.00,,\n");
        BankService.ResultImport result = bank.importResults(p.finance(), released.id(), "回盘.csv",
                new ByteArrayInputStream(csv.toString().getBytes(Charset.forName("GBK"))));
        assertThat(result.errors()).isEmpty();
        assertThat(result.paid()).isEqualTo(3);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(jdbc.queryForList("select bank_reference from payout_line where batch_id = ? and status = 'PAID'",
                String.class, released.id())).containsExactlyInAnyOrder("LXNS20250603000", "LXNS20250603001", "LXNS20250603002");
    }

    @Test
    void aResultFileWithTheTemplatesHeaderNamesIsReadByThem() throws Exception {
        BankTemplate rural = template(BankTemplate.Encoding.GBK, BankService.Format.CSV, true, true, RURAL_COLUMNS, RURAL_RESULTS);
        PayoutBatch released = flow.released(p);
        templates.chooseForBatch(p.finance(), released.id(), rural.id());
        StringBuilder csv = new StringBuilder("账号,户名,金额,处理结果,失败原因,银行流水号\n");
        for (int i = 0; i < 4; i++) {
            long worker = p.crew().get(i).getId();
            csv.append(plain("bank_card_cipher", worker)).append(',').append(p.crew().get(i).getName()).append(',')
                    .append(i == 3 ? "720.00" : "800.00").append(",成功,,REF").append(i).append('\n');
        }
        csv.append("合计,,3120.00,,,\n");
        BankService.ResultImport result = bank.importResults(p.finance(), released.id(), "result.csv",
                new ByteArrayInputStream(csv.toString().getBytes(Charset.forName("GBK"))));
        assertThat(result.errors()).isEmpty();
        assertThat(result.settled()).isTrue();
    }

    @Test
    void aTemplateHasWhatTheBankNeedsAndNothingTheBankAnswers() {
        assertRefused(() -> template(BankTemplate.Encoding.GBK, BankService.Format.CSV, true, false, "姓名\n金额",
                RURAL_RESULTS), "payout.bankTemplate.columns.missing");
        assertRefused(() -> template(BankTemplate.Encoding.GBK, BankService.Format.CSV, true, false,
                RURAL_COLUMNS + "\n结果=状态", RURAL_RESULTS), "payout.bankTemplate.columns.answer");
        assertRefused(() -> template(BankTemplate.Encoding.GBK, BankService.Format.CSV, true, false, RURAL_COLUMNS,
                "银行卡号\n金额"), "payout.bankTemplate.resultColumns.missing");
        assertRefused(() -> template(BankTemplate.Encoding.GBK, BankService.Format.CSV, true, false,
                RURAL_COLUMNS + "\n工号=工号", RURAL_RESULTS), "payout.bankTemplate.column.unknown");
        assertRefused(() -> template(BankTemplate.Encoding.GBK, BankService.Format.CSV, true, false,
                RURAL_COLUMNS + "\n姓名=姓名", RURAL_RESULTS), "payout.bankTemplate.column.twice");
    }

    @Test
    void onlyFinanceChoosesABatchsTemplateAndNotOnceTheBatchIsSettled() throws Exception {
        BankTemplate rural = template(BankTemplate.Encoding.GBK, BankService.Format.CSV, true, true, RURAL_COLUMNS, RURAL_RESULTS);
        PayoutBatch released = flow.released(p);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> templates.chooseForBatch(p.staff(), released.id(), rural.id()))
                .isInstanceOf(AccessDeniedException.class);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(List.of(plain("bank_card_cipher", p.crew().get(i).getId()), i == 3 ? "720.00" : "800.00", "成功"));
        }
        StringBuilder csv = new StringBuilder("银行卡号,金额,结果\n");
        rows.forEach(r -> csv.append(String.join(",", r)).append('\n'));
        bank.importResults(p.finance(), released.id(), "r.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertRefused(() -> templates.chooseForBatch(p.finance(), released.id(), rural.id()), "payout.bankTemplate.batch.settled");
    }

    private String plain(String column, long workerId) {
        return protector.decrypt(jdbc.queryForObject("select " + column + " from worker where id = ?", String.class, workerId));
    }
}
