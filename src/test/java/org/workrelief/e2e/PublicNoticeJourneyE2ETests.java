package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;

/**
 * A villager opens the payout notice from the WeChat group on a 360 px phone: one card per person
 * with the name, masked ID, team, days and amount, and nothing off-screen; the printed A4 sheet and
 * a wide screen keep the table. With {@code -Dworkrelief.screenshots=DIR} the pages are saved there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class, SupervisedSites.class, PayoutFlow.class })
class PublicNoticeJourneyE2ETests extends BrowserJourney {

    @Autowired PayoutFlow flow;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void onAPhoneEachPersonIsACardWithNothingOffScreen() throws IOException {
        PayoutBatch batch = flow.publicized(p);
        openPhone();
        browser.go("/notice/" + batch.noticeToken());
        assertThat(browser.text("#notice-title")).contains("劳务报酬发放公示");
        assertThat(script("return window.innerWidth")).as("a 360 px phone").isEqualTo(360L);
        assertFits("phone");

        List<WebElement> cards = browser.driver().findElements(By.cssSelector("#notice-table tr.notice-line"));
        assertThat(cards).hasSize(4);
        assertThat(browser.driver().findElement(By.cssSelector("#notice-table thead")).isDisplayed()).as("no table header on a phone").isFalse();
        for (WebElement card : cards) {
            for (String part : List.of("td.notice-name", "td.notice-field:nth-child(3)", "td.notice-field:nth-child(4)",
                    "td.notice-field:nth-child(5)", "td.notice-amount")) {
                assertVisibleOnScreen(card.findElement(By.cssSelector(part)), part);
            }
            assertThat(card.getText()).contains("********");
            assertThat(labels(card)).containsExactly("身份证号", "班组", "出勤天数", "实发(元)");
        }
        assertThat(cards.get(3).findElement(By.cssSelector("td.notice-amount")).getText()).endsWith("720.00");
        WebElement name = cards.get(0).findElement(By.cssSelector("td.notice-name"));
        assertThat(((Number) script("""
                const e = arguments[0];
                return e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight);""", name))
                .doubleValue()).as("the name on one line, not a character a line").isLessThan(1.5);
        save("notice-360-zh");

        browser.go("/notice/" + batch.noticeToken() + "?lang=en");
        assertFits("phone, English");
        assertThat(labels(cards(0))).containsExactly("ID number", "Team", "Days", "Payable (yuan)");
        save("notice-360-en");

        // the printed sheet keeps the table, whatever the width of the device printing it
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.driver().findElement(By.cssSelector("#notice-table thead")).isDisplayed()).as("the A4 sheet is a table").isTrue();
        assertThat(script("return getComputedStyle(document.querySelector('#notice-table tr.notice-line')).display"))
                .isEqualTo("table-row");
        save("notice-print-en");
    }

    @Test
    void onAWideScreenItIsATableAndAPaidOutNoticeSaysSo() throws IOException {
        PayoutBatch released = flow.released(p);
        openBrowser();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        browser.go("/notice/" + released.noticeToken());
        assertThat(browser.driver().findElement(By.cssSelector("#notice-table thead")).isDisplayed()).isTrue();
        assertThat(browser.text("#notice-status")).contains("已发放").contains("劳务报酬已于 2025-06-11 发放");
        assertFits("wide screen");
        save("notice-1366-zh");
        browser.go("/notice/" + released.noticeToken() + "?lang=en");
        assertThat(browser.text("#notice-status")).contains("Released");
        save("notice-1366-en");
    }

    /** The labels a card shows before its values (CSS generated content, not in the element's text). */
    private List<String> labels(WebElement card) {
        return ((List<?>) script("""
                return Array.from(arguments[0].querySelectorAll('td.notice-field'))
                    .map(td => getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''));""", card)).stream()
                .map(String::valueOf).toList();
    }

    private WebElement cards(int index) {
        return browser.driver().findElements(By.cssSelector("#notice-table tr.notice-line")).get(index);
    }

    private void assertFits(String where) {
        Map<?, ?> sizes = (Map<?, ?>) script(
                "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
        Object wide = script("""
                return Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth)
                    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');""");
        assertThat(((Number) sizes.get("scroll")).longValue()).as("no sideways scrolling (%s): %s", where, wide)
                .isLessThanOrEqualTo(((Number) sizes.get("inner")).longValue());
    }

    private void assertVisibleOnScreen(WebElement element, String what) {
        assertThat(element.isDisplayed()).as("%s shown", what).isTrue();
        Map<?, ?> box = (Map<?, ?>) script("""
                const r = arguments[0].getBoundingClientRect();
                return {left: r.left, right: r.right, inner: window.innerWidth};""", element);
        assertThat(((Number) box.get("left")).doubleValue()).as("%s starts on screen", what).isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("right")).doubleValue()).as("%s ends on screen", what)
                .isLessThanOrEqualTo(((Number) box.get("inner")).doubleValue());
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code, args);
    }

    private void save(String name) throws IOException {
        String dir = System.getProperty("workrelief.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
    }
}
