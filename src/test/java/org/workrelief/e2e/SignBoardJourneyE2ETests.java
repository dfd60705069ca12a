package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.project.ProjectService;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;

/**
 * 项目公示牌 in the browser: the project's public page fits a 360 px phone in both languages, and the board
 * prints as one A3 landscape sheet, as the site's board needs. With {@code -Dworkrelief.screenshots=DIR} the
 * pages are saved there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class, PayoutFlow.class })
class SignBoardJourneyE2ETests extends BrowserJourney {

    /** A3 landscape in PDF points (420 × 297 mm). */
    static final double A3_LONG = 420 / 25.4 * 72;
    static final double A3_SHORT = 297 / 25.4 * 72;

    @Autowired PayoutFlow flow;
    @Autowired ProjectService projects;

    PaidSite p;
    String code;

    @BeforeEach
    void setUp() {
        p = flow.site();
        code = p.s().site().project().getCode();
        projects.update(p.admin(), p.projectId(), projects.formOf(p.admin(), p.projectId()).withSignBoard(
                "新建灌排渠道 3.6 公里（混凝土衬砌），配套节制闸、过路涵 18 座，改善灌溉面积 1500 亩。",
                "莱西市姜山镇强村共富有限公司（村集体公司自建）", "莱西市发展和改革局", "0532-88006110"));
    }

    @Test
    void onAPhoneThePublicPageFitsInBothLanguages() throws IOException {
        openPhone();
        browser.go("/public/projects/" + code);
        assertThat(browser.text("#sb-scale")).contains("新建灌排渠道");
        assertThat(browser.overflowsHorizontally()).as("no sideways scrolling on a 360 px phone").isFalse();
        save("sign-board-360-zh");
        browser.go("/public/projects/" + code + "?lang=en");
        assertThat(browser.pageText()).contains("Supervising office and phone");
        assertThat(browser.overflowsHorizontally()).isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
        save("sign-board-360-en");
    }

    @Test
    void theBoardPrintsAsOneA3LandscapeSheet() throws IOException {
        openBrowser();
        browser.go("/public/projects/" + code + "/board");
        assertThat(browser.text("#sb-link")).endsWith("/public/projects/" + code);
        assertThat(browser.consoleErrors()).as("no CSP refusal, the print script loads").isEmpty();
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        Map<String, Object> printed = chrome.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true));
        String pdf = new String(Base64.getDecoder().decode((String) printed.get("data")), StandardCharsets.ISO_8859_1);
        Matcher box = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(pdf);
        int pages = 0;
        while (box.find()) {
            pages++;
            assertThat(Double.parseDouble(box.group(1))).as("A3 landscape: width").isCloseTo(A3_LONG, org.assertj.core.data.Offset.offset(2.0));
            assertThat(Double.parseDouble(box.group(2))).as("A3 landscape: height").isCloseTo(A3_SHORT, org.assertj.core.data.Offset.offset(2.0));
        }
        assertThat(pages).as("the board on one sheet (no fund-use announcement before completion)").isEqualTo(1);
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        save("sign-board-a3-print");
    }

    private void save(String name) throws IOException {
        String dir = System.getProperty("workrelief.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
    }
}
