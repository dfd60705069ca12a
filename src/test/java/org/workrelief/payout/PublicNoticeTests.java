package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/**
 * A notice stays readable after the wages are paid (marked 已发放 / 已结清 with the dates) for as long
 * as wage records are kept, three years from the release, and the town's public page still offers it.
 */
@IntegrationTest
class PublicNoticeTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired BankService bank;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired org.workrelief.worker.WorkerCards cards;
    @org.springframework.beans.factory.annotation.Value("${workrelief.public-url}") String publicUrl;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void aReleasedBatchsNoticeStaysUpMarkedReleasedWithItsDate() throws Exception {
        PayoutBatch released = flow.released(p);
        String notice = notice(released, 200);
        assertThat(notice).contains("已发放").contains("劳务报酬已于 2025-06-11 发放")
                .contains("3,120.00").contains("720.00").contains("********")
                .doesNotContain("请在公示期内");
        assertThat(town()).as("the town's page still offers it, marked")
                .contains("往期公示（已发放）").contains("/notice/" + released.noticeToken()).contains("已发放");
    }

    @Test
    void aSettledBatchsNoticeShowsTheReleaseAndTheSettlingDates() throws Exception {
        PayoutBatch released = flow.released(p);
        clock.advance(Duration.ofDays(2));
        bank.importResults(p.finance(), released.id(), "result.csv", allPaid());
        String notice = notice(released, 200);
        assertThat(notice).contains("已结清").contains("劳务报酬已于 2025-06-11 发放，2025-06-13 银行代发结果全部反馈，已结清")
                .contains("3,120.00");
        assertThat(town()).contains("/notice/" + released.noticeToken()).contains("已结清");

        mvc.perform(get("/notice/{t}", released.noticeToken()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Settled").contains("Wages released on 2025-06-11"));
    }

    @Test
    void threeYearsAfterTheReleaseTheListComesDown() throws Exception {
        PayoutBatch released = flow.released(p);
        ZonedDateTime releasedAt = released.releasedAt().atZone(MutableClock.ZONE);

        clock.set(releasedAt.plusYears(3).minusMinutes(1).toInstant());
        assertThat(notice(released, 200)).contains("720.00");
        assertThat(town()).contains("/notice/" + released.noticeToken());

        clock.set(releasedAt.plusYears(3).toInstant());
        String gone = notice(released, 410);
        assertThat(gone).contains("本公示已超过保留期限（自发放之日起 3 年）").doesNotContain("********")
                .doesNotContain("720.00").doesNotContain(p.crew().get(0).getName());
        assertThat(town()).doesNotContain("/notice/" + released.noticeToken());
    }

    @Test
    void aNoticeOnDisplayIsListedAsCurrentAndStillAsksForObjections() throws Exception {
        PayoutBatch publicized = flow.publicized(p);
        assertThat(notice(publicized, 200)).contains("请在公示期内").doesNotContain("notice-status");
        assertThat(town()).contains("/notice/" + publicized.noticeToken()).doesNotContain("往期公示");
    }

    @Test
    void theNoticesSelfServiceQrCodeLeadsToTheConfiguredAddressNotTheRequestsHost() throws Exception {
        PayoutBatch publicized = flow.publicized(p);
        var response = mvc.perform(get("/notice/{t}", publicized.noticeToken()).header("Host", "evil.example"))
                .andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        assertThat(response.getContentAsString()).contains(cards.qrSvg(publicUrl.replaceAll("/$", "") + "/self"))
                .doesNotContain(cards.qrSvg("http://evil.example/self"));
    }

    private String notice(PayoutBatch batch, int status) throws Exception {
        var response = mvc.perform(get("/notice/{t}", batch.noticeToken())).andExpect(status().is(status)).andReturn()
                .getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return response.getContentAsString();
    }

    private String town() throws Exception {
        var response = mvc.perform(get("/public/towns/{id}", p.s().site().town().getId())).andExpect(status().isOk())
                .andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return response.getContentAsString();
    }

    private ByteArrayInputStream allPaid() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < p.crew().size(); i++) {
            String card = protector.decrypt(jdbc.queryForObject("select bank_card_cipher from worker where id = ?",
                    String.class, p.crew().get(i).getId()));
            rows.add(List.of(card, i == 3 ? "720.00" : "800.00", "成功", ""));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.csv(List.of("银行卡号", "金额", "结果", "原因"), rows, out);
        return new ByteArrayInputStream(out.toByteArray());
    }
}
