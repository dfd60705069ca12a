package org.workrelief.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.account.UserAccount;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;

@IntegrationTest
class UserAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    Fixtures fixtures;
    Town jiangshan;
    Town yuanshang;
    SignedInUser jiangshanAdmin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(accounts);
        jiangshan = fixtures.town();
        yuanshang = fixtures.town();
        jiangshanAdmin = Principals.of(fixtures.user(Role.ADMIN, jiangshan));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = { "STAFF", "SUPERVISOR", "FINANCE" })
    void onlyAdministratorsOpenUserAdministration(Role role) throws Exception {
        SignedInUser someone = Principals.of(fixtures.user(role, jiangshan));
        mvc.perform(get("/admin/users").with(user(someone)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/new").with(user(someone)).with(csrf())
                .param("username", Fixtures.unique("x")).param("displayName", "x").param("role", "ADMIN")
                .param("password", "a-good-password")).andExpect(status().isForbidden());
    }

    @Test
    void theListShowsOnlyTheAdministratorsTown() throws Exception {
        UserAccount own = fixtures.user(Role.STAFF, jiangshan);
        UserAccount other = fixtures.user(Role.STAFF, yuanshang);
        mvc.perform(get("/admin/users").with(user(jiangshanAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(own.getUsername())))
                .andExpect(content().string(not(containsString(other.getUsername()))));
    }

    @Test
    void anotherTownsUserIsNotFoundByLink() throws Exception {
        UserAccount other = fixtures.user(Role.STAFF, yuanshang);
        mvc.perform(get("/admin/users/{id}", other.getId()).with(user(jiangshanAdmin)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到")));
        mvc.perform(post("/admin/users/{id}/reset-password", other.getId()).with(user(jiangshanAdmin)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void creatingAUserRedirectsToItWithAMessage() throws Exception {
        String name = Fixtures.unique("zhou");
        mvc.perform(post("/admin/users/new").with(user(jiangshanAdmin)).with(csrf())
                        .param("username", name).param("displayName", "周九").param("role", "FINANCE")
                        .param("townId", jiangshan.getId().toString()).param("password", "a-good-password"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/users/*"))
                .andExpect(flash().attribute("success", "user.created"));
        assertThat(accounts.findUsers(jiangshanAdmin, name, org.springframework.data.domain.PageRequest.of(0, 5))
                .getContent()).singleElement().satisfies(u -> assertThat(u.getRole()).isEqualTo(Role.FINANCE));
    }

    @Test
    void badInputIsShownInChineseOnTheFormAndNothingIsSaved() throws Exception {
        String name = Fixtures.unique("wu");
        mvc.perform(post("/admin/users/new").with(user(jiangshanAdmin)).with(csrf())
                        .param("username", name).param("displayName", "").param("role", "STAFF")
                        .param("townId", jiangshan.getId().toString()).param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写姓名")));
        mvc.perform(post("/admin/users/new").with(user(jiangshanAdmin)).with(csrf())
                        .param("username", name).param("displayName", "吴十").param("role", "STAFF")
                        .param("townId", jiangshan.getId().toString()).param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码至少需要10个字符")));
        assertThat(accounts.findUsers(jiangshanAdmin, name, org.springframework.data.domain.PageRequest.of(0, 5)))
                .isEmpty();
    }

    @Test
    void aStaleEditShowsTheChangedBySomeoneElsePage() throws Exception {
        UserAccount staff = fixtures.user(Role.STAFF, jiangshan);
        mvc.perform(post("/admin/users/{id}", staff.getId()).with(user(jiangshanAdmin)).with(csrf())
                .param("displayName", "第一次").param("role", "STAFF").param("townId", jiangshan.getId().toString())
                .param("enabled", "true").param("version", String.valueOf(staff.getVersion())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/{id}", staff.getId()).with(user(jiangshanAdmin)).with(csrf())
                .param("displayName", "第二次").param("role", "STAFF").param("townId", jiangshan.getId().toString())
                .param("enabled", "true").param("version", String.valueOf(staff.getVersion())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("记录已被他人修改")));
    }

    @Test
    void resettingAPasswordShowsTheTemporaryPasswordOnce() throws Exception {
        UserAccount staff = fixtures.user(Role.STAFF, jiangshan);
        mvc.perform(post("/admin/users/{id}/reset-password", staff.getId()).with(user(jiangshanAdmin)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("temporaryPassword"));
    }

    @Test
    void aMissingRecordShowsTheNotFoundPageWithoutDetails() throws Exception {
        mvc.perform(get("/admin/users/{id}", Long.MAX_VALUE).with(user(jiangshanAdmin)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到")))
                .andExpect(content().string(not(containsString("NotFoundException"))));
    }

    @Test
    void aTownAdministratorDoesNotCreateTowns() throws Exception {
        // a code the form accepts (2-12 characters): Fixtures.unique grows past 12 late in a long test run
        String code = "Z" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        mvc.perform(post("/admin/towns").with(user(jiangshanAdmin)).with(csrf())
                .param("code", code).param("name", "某镇")).andExpect(status().isForbidden());
    }
}
