package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.project.ProjectService;
import org.workrelief.support.IntegrationTest;

/** The payout screens through the web layer: refusals said on the page, who may download what, the public notice. */
@IntegrationTest
class PayoutScreensTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired ProjectService projects;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void aRefusedBatchSaysWhichDaysAwaitReview() throws Exception {
        p.s().device(p.crew().get(0), java.time.LocalDate.of(2025, 5, 31), 8, 0, 0, "gate-1");
        mvc.perform(post("/projects/{p}/payouts", p.projectId()).param("from", "2025-05-26").param("to", "2025-05-31")
                        .with(user(p.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failure", "payout.unapprovedDays"));
        mvc.perform(get("/projects/{p}/payouts", p.projectId()).with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("create-batch")));
    }

    @Test
    void thePublicNoticeNeedsNoSignInAndShowsOnlyMaskedNumbers() throws Exception {
        PayoutBatch batch = flow.publicized(p);
        mvc.perform(get("/notice/{t}", batch.noticeToken()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("劳务报酬发放公示")))
                .andExpect(content().string(containsString("********")))
                .andExpect(content().string(containsString("3,120.00")));
        mvc.perform(get("/notice/{t}", "guessing-a-token-does-not-work-at-all")).andExpect(status().isNotFound());
        mvc.perform(get("/payouts/{b}", batch.id())).andExpect(status().is3xxRedirection());
    }

    @Test
    void onlyFinanceDownloadsTheBankFileAndTheLedgerKeepsEveryLine() throws Exception {
        PayoutBatch batch = flow.released(p);
        // the notice stays up once the wages are released, marked as such (PublicNoticeTests)
        mvc.perform(get("/notice/{t}", batch.noticeToken()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已发放")));

        mvc.perform(get("/payouts/{b}/bank-file.csv", batch.id()).with(user(p.admin()))).andExpect(status().isForbidden());
        mvc.perform(get("/payouts/{b}/bank-file.xlsx", batch.id()).with(user(p.finance()))).andExpect(status().isOk());
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.admin())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("bank-file-csv"))));

        byte[] ledger = mvc.perform(get("/projects/{p}/payouts/ledger.xlsx", p.projectId()).param("month", "2025-05")
                        .with(user(p.staff())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(6); // four lines, a blank row, the audit chain's hash
            int id = WageLedger.COLUMNS.indexOf("身份证号");
            assertThat(sheet.getRow(0).getCell(id).getStringCellValue()).isEqualTo("身份证号");
            assertThat(sheet.getRow(1).getCell(id).getStringCellValue()).contains("********");
            assertThat(sheet.getRow(1).getCell(WageLedger.COLUMNS.indexOf("银行结果")).getStringCellValue()).isEqualTo("待银行反馈");
        }
    }

    @Test
    void aPublicizedBatchPageShowsEachOfItsPartsOnce() throws Exception {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        payouts.publicize(p.staff(), batch.id(), batch.version());
        String page = mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Map<String, Long> ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(page).results()
                .collect(java.util.stream.Collectors.groupingBy(m -> m.group(1), java.util.stream.Collectors.counting()));
        assertThat(ids).containsKeys("totals-table", "lines-table", "callback-table", "objections-table", "objection-form",
                "approve-batch");
        assertThat(ids.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey))
                .as("an element id twice on the page").isEmpty();
    }

    @Test
    void aBatchShowsItsLinesAPageAtATimeAndADeductionReturnsToItsPage() throws Exception {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        var lines = batches.lines(p.staff(), batch.id());
        String first = mvc.perform(get("/payouts/{b}", batch.id()).param("size", "3").with(user(p.staff())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("id=\"line-" + lines.get(0).id() + "\"", "id=\"line-" + lines.get(2).id() + "\"")
                .doesNotContain("id=\"line-" + lines.get(3).id() + "\"")
                // the pager keeps the page's size (and any other parameter it was asked with)
                .contains("1 / 2").contains("href=\"/payouts/" + batch.id() + "?size=3&amp;page=1");
        assertThat(first).as("the totals still cover every line").contains("3,120.00");
        String second = mvc.perform(get("/payouts/{b}", batch.id()).param("page", "1").param("size", "3")
                        .with(user(p.staff())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("id=\"line-" + lines.get(3).id() + "\"")
                .doesNotContain("id=\"line-" + lines.get(0).id() + "\"");
        // a link to one line opens the page that holds it; the pager's links keep the line, and the page they ask for wins
        String ofLine = mvc.perform(get("/payouts/{b}", batch.id()).param("size", "3").param("line",
                String.valueOf(lines.get(3).id())).with(user(p.staff()))).andReturn().getResponse().getContentAsString();
        assertThat(ofLine).contains("id=\"line-" + lines.get(3).id() + "\"").contains("2 / 2")
                .contains("href=\"/payouts/" + batch.id() + "?size=3&amp;line=" + lines.get(3).id() + "&amp;page=0\"");
        assertThat(mvc.perform(get("/payouts/{b}", batch.id()).param("size", "3").param("line",
                        String.valueOf(lines.get(3).id())).param("page", "0").with(user(p.staff())))
                .andReturn().getResponse().getContentAsString()).contains("id=\"line-" + lines.get(0).id() + "\"")
                .doesNotContain("id=\"line-" + lines.get(3).id() + "\"");
        mvc.perform(get("/payouts/{b}", batch.id()).param("page", "99").with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"line-" + lines.get(3).id())));

        mvc.perform(post("/payouts/lines/{l}/deduction", lines.get(3).id()).param("batchId", String.valueOf(batch.id()))
                        .param("amount", "10.00").param("reason", "损坏工具").param("version", String.valueOf(lines.get(3).version()))
                        .param("page", "1").with(user(p.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/payouts/" + batch.id() + "?page=1"))
                .andExpect(flash().attribute("success", "payout.deducted"));
    }
    @Test
    void theBankFileComesAsCsvOrXlsxOnlyWithItsTotalsOnThePage() throws Exception {
        PayoutBatch batch = flow.released(p);
        mvc.perform(get("/payouts/{b}/bank-file.pdf", batch.id()).with(user(p.finance()))).andExpect(status().isNotFound());
        mvc.perform(get("/payouts/{b}/bank-file.csv", batch.id()).with(user(p.finance())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("合计"))));
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.finance())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("bank-file.pdf"))))
                .andExpect(content().string(containsString("银行代发文件共 4 笔，合计 3,120.00 元")))
                .andExpect(content().string(containsString("请下载 Excel 版")));
        var lines = batches.lines(p.finance(), batch.id());
        var team = lines.get(0).teamId();
        mvc.perform(get("/payouts/{b}/teams/{t}/sheet", batch.id(), team).with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sheet-total\"")))
                .andExpect(content().string(containsString("合计 4 人")))
                .andExpect(content().string(containsString("3,120.00")));
    }

    @Test
    void theBankResultFileIsAskedForOnlyWhileTheBankHasNotAnswered() throws Exception {
        PayoutBatch batch = flow.released(p);
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.finance())))
                .andExpect(content().string(containsString("id=\"bank-results\"")));
        mvc.perform(get("/payouts/{b}/results", batch.id()).with(user(p.finance())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("银行回盘文件（.xlsx 或 .csv）")))
                .andExpect(content().string(not(containsString("花名册"))))
                .andExpect(content().string(containsString("type=\"file\"")));

        StringBuilder answer = new StringBuilder("银行卡号,金额,结果\n");
        for (PayoutLine line : batches.lines(p.finance(), batch.id())) {
            String card = protector.decrypt(jdbc.queryForObject("select bank_card_cipher from worker where id = ?",
                    String.class, line.workerId()));
            answer.append(card).append(',').append(line.amountPayable()).append(",成功\n");
        }
        mvc.perform(multipart("/payouts/{b}/results", batch.id())
                        .file(new MockMultipartFile("file", "bank.csv", "text/csv", answer.toString().getBytes(StandardCharsets.UTF_8)))
                        .with(user(p.finance())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-success\"")))
                .andExpect(content().string(containsString("id=\"results-closed\"")))
                .andExpect(content().string(not(containsString("type=\"file\""))));
        assertThat(batches.batch(p.finance(), batch.id()).status()).isEqualTo(BatchStatus.SETTLED);

        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.finance())))
                .andExpect(content().string(not(containsString("id=\"bank-results\""))));
        mvc.perform(get("/payouts/{b}/results", batch.id()).with(user(p.finance())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无需导入银行回盘文件")))
                .andExpect(content().string(not(containsString("type=\"file\""))));
    }

    @Test
    void anUploadWithoutAFileAnswersAClear400Page() throws Exception {
        PayoutBatch batch = flow.released(p);
        mvc.perform(post("/payouts/{b}/results", batch.id()).param("file", "bank.csv").with(user(p.finance())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-upload\"")))
                .andExpect(content().string(containsString("没有收到要导入的文件")));
        mvc.perform(multipart("/payouts/{b}/results", batch.id()).param("other", "x").with(user(p.finance())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-upload\"")));
        mvc.perform(post("/projects/{p}/roster/import", p.projectId()).with(user(p.staff())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"error-upload\"")));
    }

    @Test
    void aDeductionThatIsNotANumberIsSaidOnTheBatchPageAndChangesNothing() throws Exception {
        PayoutBatch batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        PayoutLine line = batches.lines(p.staff(), batch.id()).get(0);
        for (String typed : new String[] { "abc", "NaN" }) {
            mvc.perform(post("/payouts/lines/{l}/deduction", line.id()).param("batchId", String.valueOf(batch.id()))
                            .param("amount", typed).param("reason", "损坏工具").param("version", String.valueOf(line.version()))
                            .with(user(p.staff())).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                            "/payouts/" + batch.id() + "?page=0"))
                    // said on the batch page the browser is sent back to (the layout's banner), not a bare 400
                    .andExpect(flash().attribute("failure", "payout.deduction.invalid"));
        }
        PayoutLine after = batches.lines(p.staff(), batch.id()).get(0);
        assertThat(after.deduction()).isEqualByComparingTo("0");
        assertThat(after.version()).isEqualTo(line.version());
    }
}
