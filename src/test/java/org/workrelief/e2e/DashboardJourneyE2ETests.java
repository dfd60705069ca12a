package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.account.AccountService;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;

/** An official opens the overview, goes to a project's dashboard, sees its figures and charts and follows a figure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class })
class DashboardJourneyE2ETests extends BrowserJourney {

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired PunchService punches;
    @Autowired MutableClock clock;

    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 9, 0, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        punches.punch(PunchRequest.byWorkerId(site.project().getId(), site.worker().getId(), clock.instant(),
                PunchSource.ROLL_CALL, site.staff().getUsername()));
    }

    @Test
    void fromTheOverviewToAProjectsFiguresAndOnToTheRecords() {
        openBrowser();
        signIn(site.admin().getUsername());
        browser.click("#nav-dashboard");
        assertThat(browser.text("#overview-table")).contains(site.project().getName());
        browser.driver().findElement(By.linkText(site.project().getName())).click();
        assertThat(browser.text("#fig-enrolled")).contains("1 / 150");
        assertThat(browser.text("#fig-headcount")).contains("/ 1");
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-headcount canvas")));
        browser.click("#fig-headcount");
        assertThat(browser.path()).startsWith("/projects/" + site.project().getId() + "/attendance");
    }

    /**
     * The charts fit a desk screen and a phone, in both languages, with nothing in the console: ECharts'
     * SVG renderer wrote style="" attributes the CSP refused (43-78 errors a load).
     */
    @Test
    void theDashboardFitsADeskAndAPhoneWithNoConsoleError() {
        for (int width : new int[] { 1366, 360 }) {
            browser = org.workrelief.support.Browser.open(port, width, 900);
            signIn(site.admin().getUsername());
            for (String lang : new String[] { "zh_CN", "en" }) {
                browser.go("/projects/" + site.project().getId() + "/dashboard?lang=" + lang);
                new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-households canvas")));
                assertThat(browser.driver().findElements(By.cssSelector(".chart canvas"))).as("charts drawn").hasSizeGreaterThanOrEqualTo(4);
                assertThat(browser.consoleErrors())
                        .as("console at " + width + " px, " + lang).isEmpty();
                assertThat(browser.overflowsHorizontally()).as("sideways scrolling at " + width + " px, " + lang).isFalse();
            }
            browser.close();
            browser = null;
        }
    }
}
