package org.workrelief.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginJourneyE2ETests extends BrowserJourney {

    @Autowired
    AccountService accounts;

    Town town;
    UserAccount admin;
    UserAccount staff;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        admin = fixtures.user(Role.ADMIN, town);
        staff = fixtures.user(Role.STAFF, town);
        openBrowser();
    }

    @Test
    void anOfficialSignsInSeesTheirDeskAndSignsOut() {
        browser.go("/login");
        assertThat(browser.text("h1")).isEqualTo("用户登录");

        signIn(admin.getUsername(), "not-the-password");
        assertThat(browser.text("#login-error")).contains("用户名或密码错误");

        signIn(admin.getUsername(), Fixtures.PASSWORD);
        assertThat(browser.text("#home-town")).isEqualTo(town.getName());
        assertThat(browser.text("#home-role")).isEqualTo("镇级管理员");

        browser.click("#user-menu").click("#logout");
        assertThat(browser.text("#logout-message")).contains("已安全退出");
        browser.go("/");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void projectStaffGetTheForbiddenPageOnUserAdministration() {
        browser.go("/login");
        signIn(staff.getUsername(), Fixtures.PASSWORD);
        assertThat(browser.text("#home-role")).isEqualTo("项目实施人员");

        browser.go("/admin/users");
        assertThat(browser.text("#error-403 h1")).isEqualTo("无权访问");
        assertThat(browser.pageText()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void theLanguageSwitchShowsEnglishAndRemembersIt() {
        browser.go("/login");
        browser.click("#lang-switch");
        assertThat(browser.text("h1")).isEqualTo("Sign in");
        signIn(admin.getUsername(), Fixtures.PASSWORD);
        assertThat(browser.text("#home-role")).isEqualTo("Town official");
    }

    @Test
    void aMissingRecordShowsTheNotFoundPage() {
        browser.go("/login");
        signIn(admin.getUsername(), Fixtures.PASSWORD);
        // the sign-in has landed (session written) before the next address is typed
        browser.find("#home-role");
        browser.go("/admin/users/999999999");
        assertThat(browser.text("#error-404 h1")).isEqualTo("未找到");
    }

    private void signIn(String username, String password) {
        browser.type("#username", username).type("#password", password).click("#login-submit");
    }
}
