package org.workrelief.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.UserAccount;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

@IntegrationTest
class LoginTests {

    /** Spring Session's cookie (server.servlet.session.cookie.* still sets its attributes). */
    static final String SESSION_COOKIE = "SESSION";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    UserAccount staff;

    @BeforeEach
    void setUp() {
        clock.reset();
        Fixtures fixtures = new Fixtures(accounts);
        staff = fixtures.user(Role.STAFF, fixtures.town());
    }

    @Test
    void theLoginPageIsChineseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户登录")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in")));
    }

    @Test
    void theRightPasswordSignsInAndIsAudited() throws Exception {
        login(staff.getUsername(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
        assertThat(auditLog.historyOf("User", staff.getId())).extracting(e -> e.action()).contains("LOGIN_SUCCEEDED");
    }

    @Test
    void aWrongPasswordSaysSoAndIsAudited() throws Exception {
        login(staff.getUsername(), "not-the-password").andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误")));
        assertThat(auditLog.historyOf("User", staff.getId())).extracting(e -> e.action()).contains("LOGIN_FAILED");
    }

    @Test
    void aFailureUnderAnUnknownNameIsAuditedWithoutWritingTheTypedText() throws Exception {
        // what was typed may be a password or an ID number in the wrong box: it must not stay in the log
        String typed = Fixtures.unique("nobody");
        int before = auditLog.latestByActor("(unknown user)", 1000).size();
        login(typed, "whatever-password").andExpect(redirectedUrl("/login?error=bad"));
        assertThat(auditLog.latestByActor("(unknown user)", 1000)).hasSize(before + 1);
        assertThat(auditLog.latestByActor(typed, 5)).isEmpty();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() throws Exception {
        for (int i = 0; i < 4; i++) {
            login(staff.getUsername(), "wrong-" + i).andExpect(redirectedUrl("/login?error=bad"));
            clock.advance(Duration.ofMinutes(2));
        }
        login(staff.getUsername(), "wrong-5").andExpect(redirectedUrl("/login?error=bad"));

        login(staff.getUsername(), Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").param("error", "locked"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("账户已锁定15分钟")));
        assertThat(auditLog.historyOf("User", staff.getId())).extracting(e -> e.action()).contains("USER_LOCKED");

        clock.advance(Duration.ofMinutes(14));
        login(staff.getUsername(), Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error=locked"));
        clock.advance(Duration.ofMinutes(1));
        login(staff.getUsername(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordAnswersAlikeForARealNameAndAnUnknownOneSoNamesCannotBeTold() throws Exception {
        String unknown = Fixtures.unique("nobody");
        // well past the lock-out: the real account locks after five, and a sixth wrong password still says "bad"
        for (int i = 0; i < 7; i++) {
            String real = login(staff.getUsername(), "wrong-" + i).andReturn().getResponse().getRedirectedUrl();
            String typed = login(unknown, "wrong-" + i).andReturn().getResponse().getRedirectedUrl();
            assertThat(real).as("attempt " + (i + 1)).isEqualTo(typed).isEqualTo("/login?error=bad");
        }
        assertThat(auditLog.historyOf("User", staff.getId())).extracting(e -> e.action()).contains("USER_LOCKED");
        // only the right password learns of the lock
        login(staff.getUsername(), Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error=locked"));
    }

    @Test
    void aDisabledAccountAnswersAWrongPasswordAsAnyNameWould() throws Exception {
        login(disabledClerk().getUsername(), "not-the-password").andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        login(disabledClerk().getUsername(), Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error=disabled"));
    }

    /** A clerk of a new town whom its administrator has disabled. */
    private UserAccount disabledClerk() {
        Fixtures fixtures = new Fixtures(accounts);
        var town = fixtures.town();
        var admin = org.workrelief.account.Principals.of(fixtures.user(Role.ADMIN, town));
        UserAccount clerk = fixtures.user(Role.STAFF, town);
        accounts.updateUser(admin, clerk.getId(), new org.workrelief.account.UserChanges(clerk.getDisplayName(),
                Role.STAFF, town.getId(), false, clerk.getVersion()));
        return clerk;
    }

    @Test
    void disablingAUserEndsTheirOpenSession() throws Exception {
        Fixtures fixtures = new Fixtures(accounts);
        var town = fixtures.town();
        var admin = org.workrelief.account.Principals.of(fixtures.user(Role.ADMIN, town));
        UserAccount clerk = fixtures.user(Role.STAFF, town);
        // the session is a row in PostgreSQL (Spring Session JDBC), named by the cookie, not a container session
        Cookie session = login(clerk.getUsername(), Fixtures.PASSWORD)
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie(SESSION_COOKIE);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        accounts.updateUser(admin, clerk.getId(), new org.workrelief.account.UserChanges(clerk.getDisplayName(),
                Role.STAFF, town.getId(), false, accounts.getUser(admin, clerk.getId()).getVersion()));

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void aSignedInSessionIsARowInTheDatabaseAndSigningOutRemovesIt() throws Exception {
        Cookie session = login(staff.getUsername(), Fixtures.PASSWORD).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie(SESSION_COOKIE);
        assertThat(sessionRowsOf(staff)).isEqualTo(1);

        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(sessionRowsOf(staff)).isZero();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", staff.getUsername()).param("password", Fixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesNeedASignedInUser() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void responsesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("script-src 'self'"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    private long sessionRowsOf(UserAccount user) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
                user.getUsername());
    }

    private ResultActions login(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()));
    }
}
