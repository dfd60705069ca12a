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
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.worker.Worker;

/** A team leader calls the roll on a 360-pixel phone: one tap per member, no page reload. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestClockConfiguration.class, RegistryFixtures.class })
class RollCallJourneyE2ETests extends BrowserJourney {

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    MutableClock clock;

    ActiveProject site;
    Worker uninsured;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 7, 58, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        uninsured = site.addWorker(registry, LocalDate.of(2025, 6, 10), LocalDate.of(2025, 7, 10));
        openPhone();
    }

    @Test
    void aTeamLeaderSignsMembersInWithOneTapEach() {
        signIn(site.staff().getUsername());
        browser.go("/projects/" + site.project().getId() + "/rollcall");
        browser.select("#rollcall-team", "开挖组").click("#rollcall-open");
        assertThat(browser.text("#rollcall-summary")).contains("2 人").contains("2 人今天未完成");
        String pageUrl = browser.driver().getCurrentUrl();

        browser.click("#member-" + site.worker().getId() + " .sign-in");
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.id("member-" + site.worker().getId()), "签到成功"));
        assertThat(browser.text("#member-" + site.worker().getId())).contains("07:58");

        browser.click("#member-" + uninsured.getId() + " .sign-in");
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(ExpectedConditions
                .textToBePresentInElementLocated(By.id("member-" + uninsured.getId()), "意外险不在有效期内"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(pageUrl);
    }
}
