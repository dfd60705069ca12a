package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.payout.CallbackCheck;
import org.workrelief.payout.CallbackService;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.Browser;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;

/**
 * A call-back answer that differs, resolved by correcting the line: the administrator goes from the batch
 * page to the check on the call-back list, from there to the line on the batch page, changes its deduction,
 * and comes back to record the line as corrected. Both pages fit a 360 px phone in both languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class, PayoutFlow.class })
class CallbackResolutionE2ETests extends BrowserJourney {

    @Autowired PayoutFlow flow;
    @Autowired CallbackService callbacks;

    PaidSite p;
    PayoutBatch batch;
    CallbackCheck differs;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = flow.confirmed(p);
        CallbackCheck first = callbacks.checksOf(p.staff(), batch.id()).get(0);
        differs = callbacks.record(p.s().onDuty(), first.id(), new CallbackService.Answer(true, CallbackCheck.DIFFERS,
                "本人说 28 日没有来，只干了四天", null, null, first.version()));
    }

    @Test
    void theCallBackListAndTheBatchPageFitAPhoneInChineseAndEnglish() throws IOException {
        openPhone();
        signIn(p.admin().getUsername());
        for (String lang : new String[] { "zh_CN", "en" }) {
            browser.go("/payouts/" + batch.id() + "/callbacks?lang=" + lang);
            browser.find("form.callback-resolve-form");
            assertThat(browser.overflowsHorizontally()).as("sideways scrolling at 360 px, " + lang).isFalse();
            assertThat(browser.consoleErrors()).as("console, " + lang).isEmpty();
            save("callback-differs-360-" + lang);
            browser.go("/payouts/" + batch.id() + "?lang=" + lang);
            browser.find("#callback-table a.callback-resolve-link");
            assertThat(browser.overflowsHorizontally()).as("batch page sideways at 360 px, " + lang).isFalse();
            save("callback-batch-differs-360-" + lang);
        }
    }

    @Test
    void theAdministratorCorrectsTheLineFromTheCallBackListAndRecordsItAsCorrected() throws IOException {
        browser = Browser.open(port, 1366, 900);
        signIn(p.admin().getUsername());
        browser.go("/payouts/" + batch.id() + "?lang=zh_CN");
        browser.click("#callback-table a.callback-resolve-link");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/callbacks#check-" + differs.id());
        save("callback-differs-1366-zh_CN");
        // "corrected" before anything changed is refused with the reason
        browser.click("form.callback-resolve-form input[value=CORRECTED]").click("form.callback-resolve-form button");
        assertThat(browser.text("#flash-failure")).contains("该条明细回访后没有更正");

        browser.click("a.callback-correct-line");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#line-" + differs.lineId());
        String row = "#line-" + differs.lineId();
        browser.click(row + " details.deduct summary");
        browser.type(row + " .deduct-form input[name=amount]", "160").type(row + " .deduct-form input[name=reason]", "回访核实 28 日缺勤")
                .click(row + " .deduct-form button");
        assertThat(browser.text("#flash-success")).isNotEmpty();
        assertThat(browser.text(row)).contains("0/2");

        browser.go("/payouts/" + batch.id() + "/callbacks");
        assertThat(browser.text("#check-" + differs.id())).contains("现为");
        assertThat(browser.find("form.callback-resolve-form input[value=CORRECTED]").isSelected()).isTrue();
        browser.type("form.callback-resolve-form textarea[name=resolution]", "按回访结果扣减一天，待重新互证确认")
                .click("form.callback-resolve-form button");
        assertThat(browser.text("#flash-success")).contains("该条明细已更正");
        assertThat(browser.text("#check-" + differs.id())).contains("不符（已更正明细）").contains("→");
        save("callback-corrected-1366-zh_CN");
        browser.go("/payouts/" + batch.id() + "/callbacks?lang=en");
        assertThat(browser.text("#check-" + differs.id())).contains("Differs (line corrected)");
        save("callback-corrected-1366-en");
        browser.go("/payouts/" + batch.id());
        assertThat(browser.text("#callback-" + differs.id())).contains("Line corrected");
        save("callback-batch-corrected-1366-en");
    }

    private void save(String name) throws IOException {
        String dir = System.getProperty("workrelief.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            Number height = (Number) chrome.executeScript("return document.documentElement.scrollHeight");
            Number width = (Number) chrome.executeScript("return window.innerWidth");
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.intValue(),
                    "height", height.intValue(), "deviceScaleFactor", 1, "mobile", true));
            Files.write(Path.of(dir, name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
