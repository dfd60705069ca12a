package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.Worker;

/**
 * A clerk marks a worker as having left (离岗) from the roster row, confirms, and the worker is gone from
 * the roll call; registering a worker, a mistyped ID number is pointed out before the form is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class })
class LeavingJourneyE2ETests extends BrowserJourney {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 3);

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    MutableClock clock;

    ActiveProject site;
    Worker stays;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 10, 0, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, TODAY);
        stays = site.addWorker(registry, TODAY.minusDays(10), TODAY.plusDays(30));
    }

    @Test
    void aWorkerMarkedLeftFromTheRosterIsGoneFromTheRollCall() {
        openBrowser();
        signIn(site.staff().getUsername());
        long enrollment = site.enrollment().getId();

        browser.go("/projects/" + site.project().getId() + "/rollcall?teamId=" + site.team().getId());
        browser.find("#member-" + site.worker().getId());

        browser.go("/projects/" + site.project().getId() + "/roster");
        browser.click("#roster-row-" + enrollment + " .leave-toggle");
        assertThat(browser.find("#leftOn-" + enrollment).getAttribute("value")).isEqualTo("2025-06-03");
        browser.setValue("#leftOn-" + enrollment, "2025-06-02");
        browser.click("#leave-form-" + enrollment + " .leave-submit");
        assertThat(browser.acceptConfirm()).contains(site.worker().getName()).contains("2025-06-02").contains("离岗");
        assertThat(browser.text("#flash-success")).contains(site.worker().getName()).contains("2025-06-02");
        assertThat(browser.text("#roster-row-" + enrollment)).contains("已离岗（2025-06-02）");

        // the roster's 已离岗 filter finds them
        browser.select("#status", "已离岗").click("#roster-search");
        assertThat(browser.text("#roster-table")).contains(site.worker().getWorkerCode()).doesNotContain(stays.getWorkerCode());

        browser.go("/projects/" + site.project().getId() + "/rollcall");
        browser.select("#rollcall-team", "开挖组").click("#rollcall-open");
        assertThat(browser.text("#rollcall-members")).contains(stays.getName());
        assertThat(browser.driver().findElements(By.id("member-" + site.worker().getId()))).isEmpty();
        assertThat(browser.text("#rollcall-summary")).contains("1 人");
    }

    @Test
    void declinedConfirmationLeavesTheWorkerOnTheRoster() {
        openBrowser();
        signIn(site.staff().getUsername());
        long enrollment = site.enrollment().getId();
        browser.go("/projects/" + site.project().getId() + "/roster");
        browser.click("#roster-row-" + enrollment + " .leave-toggle");
        browser.click("#leave-form-" + enrollment + " .leave-submit");
        browser.driver().switchTo().alert().dismiss();
        browser.go("/projects/" + site.project().getId() + "/rollcall?teamId=" + site.team().getId());
        browser.find("#member-" + site.worker().getId());
    }

    @Test
    void aMistypedIdNumberOrCardIsPointedOutWhileTyping() {
        openPhone();
        signIn(site.staff().getUsername());
        browser.go("/workers/new");
        String path = browser.path();
        browser.type("#idNumber", TestNumbers.withWrongCheck(TestNumbers.idNumber()));
        assertThat(browser.text("#idNumber-check")).isEqualTo("身份证号校验位不正确，请核对");
        assertThat(browser.find("#idNumber").getAttribute("class")).contains("is-invalid");

        browser.type("#idNumber", TestNumbers.idNumber());
        assertThat(browser.find("#idNumber").getAttribute("class")).doesNotContain("is-invalid");

        String card = TestNumbers.bankCard();
        browser.type("#bankCard", card.substring(0, card.length() - 1) + (card.endsWith("1") ? "2" : "1")).click("#name");
        assertThat(browser.text("#bankCard-check")).isEqualTo("银行卡号校验位不正确，请核对");
        // nothing was sent
        assertThat(browser.path()).isEqualTo(path);
    }
}
