package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.complaint.ComplaintBoards;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.worker.Worker;

/**
 * A clerk on a 360 px phone records a complaint taken by phone, takes it up and answers it; the pages
 * never scroll sideways, in Chinese and English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class, PayoutFlow.class })
class ComplaintJourneyE2ETests extends BrowserJourney {

    @Autowired PayoutFlow flow;
    @Autowired ComplaintBoards boards;

    @Test
    void aClerkRecordsAndAnswersAComplaintOnAPhone() throws IOException {
        PaidSite p = flow.site();
        Worker worker = p.crew().get(1);
        openPhone();
        signIn(p.staff().getUsername());
        browser.go("/complaints/new").type("#code", worker.getWorkerCode()).click("#complaint-find-worker button");
        assertThat(browser.text("#complaint-worker")).contains(worker.getName());
        browser.select("#kind", "工资未到账").type("#content", "五月份工资至今没有到账，请帮助查询").click("#complaint-submit");
        assertThat(browser.text("#complaint-status")).isEqualTo("已受理");
        assertThat(browser.text("#complaint-content")).contains("五月份工资至今没有到账");
        fits("complaint-accepted");
        browser.click("#complaint-start");
        assertThat(browser.text("#complaint-status")).isEqualTo("处理中");
        browser.type("#answer", "经查询，银行已于6月5日入账，已电话告知本人").click("#complaint-resolve button");
        assertThat(browser.text("#complaint-status")).isEqualTo("已办结");
        assertThat(browser.text("#complaint-answer")).contains("已电话告知本人");
        assertThat(browser.text("#complaint-history")).contains("已受理", "处理中", "已办结");
        fits("complaint-resolved");
        browser.go(browser.path() + "?lang=en");
        assertThat(browser.text("#complaint-status")).isEqualTo("Resolved");
        fits("complaint-resolved-en");
        browser.go("/complaints?lang=en");
        browser.find("#complaints-table");
        fits("complaints-en");
        browser.go("/complaints/new?lang=zh_CN&code=" + worker.getWorkerCode());
        browser.find("#complaint-form");
        fits("complaint-form");
    }

    @Test
    void theTownsComplaintBoardFitsAPhoneAndPrints() throws IOException {
        PaidSite p = flow.site();
        boards.save(p.admin(), new ComplaintBoards.Board("0532-87000001", "0532-87000002", "12345",
                "张守义（村干部）13800000001\n李秀英（村民代表）13800000003", null, -1));
        openPhone();
        for (String lang : new String[] { "zh_CN", "en" }) {
            browser.go("/public/towns/" + p.admin().townId() + "/complaint-board?lang=" + lang);
            assertThat(browser.text("#board-hotline")).isEqualTo("0532-87000001");
            browser.find("#board-print");
            fits("board-" + lang);
        }
    }

    private void fits(String name) throws IOException {
        assertThat(browser.overflowsHorizontally()).as("sideways scrolling at 360 px: " + name).isFalse();
        assertThat(browser.consoleErrors()).as("console: " + name).isEmpty();
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"),
                ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    }
}
