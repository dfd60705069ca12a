package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.account.AccountService;
import org.workrelief.payout.PaidSite;
import org.workrelief.project.ProjectService;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.worker.PinForm;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerPins;

/**
 * From a reviewed week to released wages: staff computes and publicizes the batch and records three
 * lines' confirmations from the team's uploaded signed sheet, two workers confirm the fourth with their
 * own PINs on a phone, a committee member attests the sheet and calls the sample back, a second
 * administrator approves after the notice, finance releases and takes the bank file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class })
class PayoutJourneyE2ETests extends BrowserJourney {

    @Autowired SupervisedSites sites;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired DutyRosterService duty;
    @Autowired DailyReviewService reviews;
    @Autowired MutableClock clock;

    @Autowired WorkerPins pins;

    static final String PIN = "508316";

    PaidSite p;
    List<Worker> pinHolders;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 9, 0, 0, 0, MutableClock.ZONE).toInstant());
        p = PaidSite.create(sites, accounts, duty, reviews);
        // two of the crew set their PIN on the site device at enrollment
        pinHolders = p.crew().stream().sorted(java.util.Comparator.comparing(Worker::getWorkerCode)).limit(2).toList();
        pinHolders.forEach(w -> pins.set(p.staff(), w.getId(), new PinForm("", PIN, PIN)));
    }

    private static java.nio.file.Path sheetPhoto() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("hz-sheet", ".png");
        java.nio.file.Files.write(file, org.workrelief.payout.SheetScans.png());
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void aReviewedWeekBecomesAReleasedBatchAndABankFile() throws Exception {
        openBrowser();
        signIn(p.staff().getUsername());
        browser.go("/projects/" + p.projectId() + "/payouts");
        browser.setValue("#from", "2025-05-26").setValue("#to", "2025-05-30").click("#create-batch-submit");
        assertThat(browser.text("#batch-status")).isEqualTo("草稿");
        assertThat(browser.text("#total-payable")).isEqualTo("3,120.00");
        String batchPath = browser.path();

        // a deduction that is not a number is said on the batch page, and nothing changes
        browser.click("#lines-table details.deduct summary");
        browser.type("#lines-table .deduct-form input[name=amount]", "abc").click("#lines-table .deduct-form button");
        assertThat(browser.text("#flash-failure")).contains("扣减金额须是不小于 0 的数");
        assertThat(browser.text("#total-payable")).isEqualTo("3,120.00");

        browser.click("#publicize");
        browser.acceptConfirm();
        assertThat(browser.text("#batch-status")).isEqualTo("公示中");
        String noticeHref = browser.find("#notice-link").getAttribute("href");

        browser.click("#team-links a");
        String teamPath = browser.path();
        // three lines from the team's signed sheet: its photo uploaded, the signatures entered
        browser.find("#sheet-file").sendKeys(sheetPhoto().toString());
        browser.click("#sheet-upload button[type=submit]");
        assertThat(browser.text("#flash-success")).contains("签字表已上传");
        List<WebElement> items = browser.driver().findElements(By.cssSelector(".list-group-item[id^=line-]"));
        for (WebElement item : items.subList(0, 3)) {
            for (WebElement field : item.findElements(By.cssSelector("input.witness-input"))) {
                // the sheet was signed as printed: the suggested neighbours
                field.sendKeys(field.getAttribute("placeholder").replace("建议：", "").split(" ")[0]);
            }
        }
        browser.click("#record-sheet");
        assertThat(browser.text("#flash-success")).contains("已按签字表登记 6 条确认");
        assertThat(browser.pageText()).contains("待核对，暂不计入");
        String lastPayee = browser.driver().findElements(By.cssSelector(".list-group-item[id^=line-] strong")).get(3).getText();
        browser.close();

        // the fourth line on site: each witness takes the phone, checks the line and types their own code and PIN
        openPhone();
        signIn(p.staff().getUsername());
        browser.go(teamPath).click("#pin-confirm");
        for (Worker witness : pinHolders) {
            browser.driver().findElements(By.cssSelector("a.pin-line")).stream()
                    .filter(a -> a.getText().contains(lastPayee)).findFirst().orElseThrow().click();
            assertThat(browser.text("#payee-amount")).contains("720.00");
            browser.type("#witness-code", witness.getWorkerCode()).type("#witness-pin", PIN).click("#pin-submit");
            assertThat(browser.text("#flash-success")).contains("已本人确认");
        }
        assertThat(browser.overflowsHorizontally()).isFalse();
        save("payout-pin-confirm-360");
        browser.close();

        // a committee member who had no hand in the sheet opens its photo and attests it
        openPhone();
        signIn(p.s().offDuty().getUsername());
        browser.go(teamPath);
        browser.click("#sheets a");
        assertThat(browser.find("#sheet-image").getAttribute("naturalWidth")).isNotEqualTo("0");
        browser.click("#attest");
        browser.acceptConfirm();
        assertThat(browser.text("#flash-success")).contains("签字表已核对");
        assertThat(browser.overflowsHorizontally()).isFalse();
        save("payout-sheet-attested-360");
        browser.close();

        // the committee member calls the sampled workers back from a phone: tap to call, then the answer
        openPhone();
        signIn(p.s().onDuty().getUsername());
        browser.go(batchPath);
        assertThat(browser.text("#callback-table")).contains("待回访");
        save("payout-batch-callbacks-360");
        browser.click("#callback-list");
        assertThat(browser.find("a.callback-call").getAttribute("href")).startsWith("tel:");
        save("payout-callback-list-360");
        for (int i = 0; i < 3; i++) {
            browser.click("form.callback-answer input[value=SAME]").click("form.callback-answer button");
            assertThat(browser.text("#flash-success")).contains("已记录回访结果");
        }
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("a.callback-call"))).isEmpty();
        browser.go(batchPath);
        assertThat(browser.text("#callback-table")).doesNotContain("待回访").contains("属实");
        save("payout-batch-callbacks-done-360");
        browser.close();

        // the notice is public: no sign-in, masked ID numbers
        openPhone();
        browser.driver().get(noticeHref);
        assertThat(browser.text("#notice-title")).contains("劳务报酬发放公示");
        assertThat(browser.text("#notice-table")).contains("********").contains("720.00");
        browser.close();

        clock.advance(Duration.ofDays(8));
        openBrowser();
        signIn(p.checker().getUsername());
        browser.go(batchPath).click("#approve-batch");
        browser.acceptConfirm();
        assertThat(browser.text("#batch-status")).isEqualTo("已审批");
        browser.close();

        openBrowser();
        signIn(p.finance().getUsername());
        browser.go(batchPath).click("#release-batch");
        browser.acceptConfirm();
        assertThat(browser.text("#batch-status")).isEqualTo("已发放");
        String csvHref = browser.find("#bank-file-csv").getAttribute("href");
        // Spring Session's cookie: the session is a row in PostgreSQL
        String session = browser.driver().manage().getCookieNamed("SESSION").getValue();
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvHref))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(file.body()).contains("序号,姓名,身份证号,银行卡号,开户银行,金额(元),备注").doesNotContain("合计")
                .doesNotContain("\t");
        // the totals the file leaves out are on the page
        assertThat(browser.text("#bank-file-totals")).contains("银行代发文件共 4 笔，合计 3,120.00 元");
    }

    private void save(String name) throws java.io.IOException {
        String dir = System.getProperty("workrelief.screenshots");
        if (dir != null) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            // the whole page, at the width the journey uses
            org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) browser.driver();
            Number height = (Number) chrome.executeScript("return document.documentElement.scrollHeight");
            Number width = (Number) chrome.executeScript("return window.innerWidth");
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width.intValue(),
                    "height", height.intValue(), "deviceScaleFactor", 1, "mobile", true));
            java.nio.file.Files.write(java.nio.file.Path.of(dir, name + ".png"),
                    chrome.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }
}
