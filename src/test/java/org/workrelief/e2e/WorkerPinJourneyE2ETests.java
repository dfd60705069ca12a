package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.workrelief.account.AccountService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.worker.WorkerPins;

/**
 * On the site phone, the clerk opens the PIN page from the worker's page and hands the phone over; the
 * worker types a PIN twice (a guessable one is refused and the fields come back empty), and the phone is
 * handed back on the worker's page, which says only that a PIN is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class })
class WorkerPinJourneyE2ETests extends BrowserJourney {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 3);
    static final String PIN = "583071";

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired MutableClock clock;
    @Autowired WorkerPins pins;

    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 10, 0, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, TODAY);
    }

    @Test
    void theClerkOpensThePinPageAndTheWorkerSetsTheirPinOnAPhone() {
        openPhone();
        signIn(site.staff().getUsername());
        String name = site.worker().getName();
        browser.go("/workers/" + site.worker().getId());
        assertThat(browser.text("#worker-pin-status")).contains("未设置");
        assertThat(browser.overflowsHorizontally()).as("the worker page at 360 px").isFalse();

        browser.click("#set-pin");
        assertThat(browser.text("#pin-worker-name")).isEqualTo(name);
        assertThat(browser.text("#pin-worker-code")).isEqualTo(site.worker().getWorkerCode());
        assertThat(browser.text("#pin-handover")).contains("请将设备交给 " + name + " 本人");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.id("currentPin"))).isEmpty();
        assertThat(browser.overflowsHorizontally()).as("the PIN page at 360 px").isFalse();

        browser.type("#newPin", "123456").type("#newPinAgain", "123456").click("#pin-submit");
        assertThat(browser.text("#pin-refusal")).isEqualTo("确认码不能是连续递增或递减的数字，请另选");
        assertThat(browser.find("#newPin").getAttribute("value")).isEmpty();
        assertThat(browser.find("#newPinAgain").getAttribute("value")).isEmpty();

        browser.type("#newPin", PIN).type("#newPinAgain", PIN).click("#pin-submit");
        assertThat(browser.text("#flash-success")).isEqualTo(name + " 的确认码已设置。请将设备交还工作人员。");
        assertThat(browser.text("#worker-pin-status")).contains("已设置");
        assertThat(browser.pageText()).doesNotContain(PIN);
        assertThat(browser.consoleErrors()).isEmpty();

        assertThat(pins.verify(site.staff(), site.worker().getWorkerCode(), PIN).getId()).isEqualTo(site.worker().getId());
    }
}
