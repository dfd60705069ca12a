package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.worker.PinForm;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerPins;

/**
 * 本人查询 on a 360 px phone: from the town's public page, a worker types their worker code and PIN,
 * opens a month of their attendance and the pay slip of their line, which prints on one A5 sheet without
 * the page's buttons, files a complaint about that payment and, once the town has answered, reads the
 * answer there, then signs out. With {@code -Dworkrelief.screenshots=DIR} the pages are saved there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class, PayoutFlow.class })
class SelfServiceJourneyE2ETests extends BrowserJourney {

    static final String PIN = "583071";

    @Autowired PayoutFlow flow;
    @Autowired WorkerPins pins;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.workrelief.complaint.ComplaintService complaints;

    @Test
    void aWorkerLooksUpTheirMonthAndOpensAPaySlipOnAPhone() throws IOException {
        PaidSite p = flow.site();
        flow.released(p);
        Worker me = p.crew().get(3);
        pins.set(p.staff(), me.getId(), new PinForm("", PIN, PIN));
        long line = jdbc.queryForObject("select id from payout_line where worker_id = ?", Long.class, me.getId());

        openPhone();
        browser.go("/public/towns/" + p.s().site().town().getId()).click("#public-self");
        assertThat(browser.text("#self-title")).isEqualTo("本人查询");
        browser.type("#self-who", me.getWorkerCode()).type("#self-pin", PIN).click("#self-submit");
        assertThat(browser.text("#self-worker")).contains(me.getWorkerCode());
        assertThat(browser.text("#self-line-" + line)).contains("2025-05-26 至 2025-05-30").contains("720.00")
                .contains("全天 4，半天 1");
        assertThat(browser.overflowsHorizontally()).as("nothing off-screen on the overview").isFalse();
        save("self-home-360-zh");

        browser.click(".self-month-link");
        if (!browser.text("#self-month-title").contains("2025-05")) {
            browser.click("#self-month-previous");
        }
        assertThat(browser.text("#self-month-title")).contains("2025-05");
        assertThat(browser.text("#self-month-totals")).contains("本月签到 4.5 天，其中经监督委员会审核计入 4.5 天");
        assertThat(browser.text("#self-day-2025-05-30")).contains("07:58").contains("半天").contains("已计入");
        assertThat(browser.overflowsHorizontally()).as("nothing off-screen on the month").isFalse();
        save("self-month-360-zh");

        browser.click("#self-back").click("#self-line-" + line + " .self-slip-link");
        assertThat(browser.text("#slip-title")).isEqualTo("工资清单");
        assertThat(browser.text("#slip-employer")).isEqualTo(p.s().site().project().getEntityName());
        assertThat(browser.text("#slip-payable")).isEqualTo("720.00 元");
        assertThat(browser.text("#slip-card")).doesNotContainPattern("\\d{12,}");
        assertThat(browser.overflowsHorizontally()).as("nothing off-screen on the slip").isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
        save("self-slip-360-zh");

        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.driver().findElement(By.id("slip-print")).isDisplayed()).as("no buttons on paper").isFalse();
        assertThat(browser.driver().findElement(By.id("slip-employer")).isDisplayed()).isTrue();
        save("self-slip-print");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        browser.go("/self/slip/" + line + "?lang=en");
        assertThat(browser.text("#slip-title")).isEqualTo("Pay slip");
        save("self-slip-360-en");
        browser.go("/self/month?project=" + p.projectId() + "&month=2025-05");
        assertThat(browser.text("#self-day-2025-05-30")).contains("Half").contains("Counted");
        assertThat(browser.overflowsHorizontally()).as("nothing off-screen on the month, English").isFalse();
        save("self-month-360-en");
        browser.go("/self/home?lang=zh_CN");

        // 我要反映问题: about this very payment; the town answers; the worker sees the answer here
        browser.click("#self-complaint-new summary");
        new org.openqa.selenium.support.ui.Select(browser.find("#complaint-kind")).selectByValue("WRONG_AMOUNT");
        new org.openqa.selenium.support.ui.Select(browser.find("#complaint-line")).selectByValue(String.valueOf(line));
        browser.type("#complaint-content", "5月30日我干了全天，只算了半天").click("#self-complaint-submit");
        assertThat(browser.text("#flash-success")).contains("已受理，编号 WQ-");
        assertThat(browser.text("#self-complaints")).contains("已受理").contains("金额有误").contains("只算了半天");
        assertThat(browser.overflowsHorizontally()).as("nothing off-screen with a complaint").isFalse();
        var filed = complaints.ofWorker(me.getId()).get(0);
        var complaint = complaints.get(p.admin(), filed.id());
        complaints.resolve(p.admin(), complaint.id(), "经核对签到记录，5月30日上午7:58签到、下午未签到，按半天计算无误，已电话说明",
                complaint.version());
        browser.go("/self/home");
        assertThat(browser.text("#self-complaints")).contains("已办结").contains("按半天计算无误");
        assertThat(browser.consoleErrors()).isEmpty();
        save("self-complaint-answered-360-zh");
        browser.go("/self/home?lang=en");
        assertThat(browser.text("#self-complaints")).contains("Resolved");
        save("self-home-360-en");

        browser.click("#self-sign-out");
        assertThat(browser.text("#self-ended")).isEqualTo("You have left My records.");
        browser.go("/self/slip/" + line);
        assertThat(browser.path()).startsWith("/self?ended=idle");
    }

    private void save(String name) throws IOException {
        String dir = System.getProperty("workrelief.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
    }
}
