package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.Town;
import org.workrelief.account.UserAccount;
import org.workrelief.support.BrowserJourney;
import org.workrelief.support.Fixtures;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;

/** A town official sets up a project and its first worker, then finds them again by ID number. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryJourneyE2ETests extends BrowserJourney {

    @Autowired
    AccountService accounts;

    Town town;
    UserAccount admin;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        admin = fixtures.user(Role.ADMIN, town);
        openBrowser();
    }

    @Test
    void createProjectAddTeamRegisterEnrollAndFindByIdNumber() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String code = Fixtures.unique("JS").toUpperCase();
        String idNumber = TestNumbers.idNumber();

        signIn(admin.getUsername());

        // create the project
        browser.go("/projects").click("#new-project");
        browser.type("#code", code).type("#name", "共富生态水产养殖示范基地").type("#villages", "前埠村")
                .type("#entityName", "姜山镇强村共富有限公司").type("#entityCreditCode", RegistryFixtures.CREDIT_CODE)
                .setValue("#councilResolutionDate", today.minusDays(40).toString())
                .type("#councilResolutionRef", "决议〔2025〕1号").type("#townApprovalRef", "批复〔2025〕2号")
                .type("#centralFunds", "4000000").type("#plannedRemuneration", "1610000").type("#plannedWorkers", "150")
                .click("#save-project");
        assertThat(browser.text("#project-name")).isEqualTo("共富生态水产养殖示范基地");
        assertThat(browser.text("#remuneration-share")).isEqualTo("40.3%");

        // add a team
        browser.click("#new-team").type("#name", "开挖组").type("#dayRate", "160").click("#save-team");
        assertThat(browser.text("#teams-table")).contains("开挖组").contains("160.00");

        // enroll: the ID number is new, so register first
        browser.click("#enroll-worker").type("#idNumber", idNumber).click("#find-worker");
        browser.click("#register-worker");
        browser.type("#name", "王小明").type("#idNumber", idNumber).type("#phone", "13800000000").type("#village", "前埠村")
                .type("#bankName", "农业银行").type("#bankCard", TestNumbers.bankCard()).click("#save-worker");

        // then the enrollment with contract and insurance
        browser.select("#teamId", "开挖组 (160.00元/天)")
                .setValue("#contractSignedOn", today.minusDays(1).toString())
                .setValue("#contractFrom", today.toString()).setValue("#contractTo", today.plusDays(90).toString())
                .type("#insurer", "中国人寿").type("#policyNumber", "PICC-001")
                .setValue("#insuranceFrom", today.toString()).setValue("#insuranceTo", today.plusDays(90).toString())
                .click("#save-enrollment");
        assertThat(browser.text(".alert-success")).contains("务工登记已保存");

        // find them by ID number: shown masked, never in full
        browser.type("#q", idNumber).click("#roster-search");
        String roster = browser.text("#roster-table");
        assertThat(roster).contains("王小明").contains(idNumber.substring(0, 6) + "********" + idNumber.substring(14))
                .contains("开挖组").doesNotContain(idNumber);
    }
}
