package org.workrelief.worker;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.project.Project;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;

/**
 * Worker search → registration: the ID number typed in a search that found no one starts the new-worker
 * form (carried in the flash, never in a link); the form checks ID and card numbers as they are typed
 * (static/js, with the messages from the page) and the server says its refusal next to the field.
 */
@IntegrationTest
class RegisterFromSearchTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    WorkerService workers;

    Town town;
    SignedInUser staff;
    Project project;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        staff = Principals.of(fixtures.user(Role.STAFF, town));
        project = registry.project(Principals.of(fixtures.user(Role.ADMIN, town)), town);
    }

    @Test
    void theIdNumberOfAnEnrollmentSearchThatFoundNoOneStartsTheRegistration() throws Exception {
        String idNumber = TestNumbers.idNumber();
        mvc.perform(post("/projects/{p}/enrollments/find", project.getId()).param("idNumber", idNumber)
                        .with(user(staff)).with(csrf()))
                .andExpect(content().string(allOf(containsString("id=\"worker-not-found\""),
                        containsString("action=\"/workers/new/from-search\""),
                        containsString("name=\"idNumber\" value=\"" + idNumber + "\""))));

        MvcResult carried = mvc.perform(post("/workers/new/from-search").param("idNumber", idNumber.substring(0, 6) + " "
                        + idNumber.substring(6)).param("projectId", project.getId().toString()).with(user(staff)).with(csrf()))
                .andExpect(redirectedUrl("/workers/new?projectId=" + project.getId()))
                .andExpect(flash().attribute("searchedIdNumber", idNumber))
                .andReturn();
        mvc.perform(follow(carried))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"" + idNumber + "\""),
                        containsString("id=\"id-from-search\""))));
        // without the search, the form starts empty
        mvc.perform(get("/workers/new").param("projectId", project.getId().toString()).with(user(staff)))
                .andExpect(content().string(allOf(not(containsString(idNumber)), not(containsString("id-from-search")))));
    }

    @Test
    void theWorkerListOffersToRegisterAnIdNumberNoOneHas() throws Exception {
        String idNumber = TestNumbers.idNumber();
        MvcResult searched = mvc.perform(post("/workers").param("q", idNumber).with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("searchedIdNumber", idNumber))
                .andReturn();
        String link = searched.getResponse().getRedirectedUrl();
        org.assertj.core.api.Assertions.assertThat(link).doesNotContain(idNumber);
        mvc.perform(follow(searched))
                .andExpect(content().string(allOf(containsString("id=\"worker-not-found\""),
                        containsString("name=\"idNumber\" value=\"" + idNumber + "\""))));
        // once registered, the same search finds the worker and offers nothing
        workers.register(staff, RegistryFixtures.workerForm(town, idNumber));
        MvcResult again = mvc.perform(post("/workers").param("q", idNumber).with(user(staff)).with(csrf())).andReturn();
        mvc.perform(follow(again))
                .andExpect(content().string(allOf(containsString("王小明"), not(containsString("id=\"worker-not-found\"")))));
    }

    @Test
    void theFormCarriesTheMessagesForItsLiveChecksInTheUsersLanguage() throws Exception {
        mvc.perform(get("/workers/new").with(user(staff)))
                .andExpect(content().string(allOf(containsString("data-check=\"id-number\""),
                        containsString("data-msg-check=\"身份证号校验位不正确，请核对\""),
                        containsString("data-check=\"bank-card\""),
                        containsString("data-msg-format=\"银行卡号应为16到19位数字\""),
                        containsString("src=\"/static/js/number-checks"))));
        mvc.perform(get("/workers/new").param("lang", "en").with(user(staff)))
                .andExpect(content().string(containsString("data-msg-check=\"The ID number")));
    }

    @Test
    void theServerRefusesABadIdOrCardNumberNextToItsField() throws Exception {
        String idNumber = TestNumbers.idNumber();
        String badId = TestNumbers.withWrongCheck(idNumber);
        String page = mvc.perform(post("/workers/new").with(user(staff)).with(csrf())
                        .param("townId", town.getId().toString()).param("name", "王小明").param("idNumber", badId)
                        .param("village", "前埠村").param("householdStatus", "ORDINARY").param("bankCard", "6222021234567890123")
                        .param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page)
                .containsPattern("is-invalid\"[^>]*id=\"idNumber\"")
                .contains("<div class=\"invalid-feedback\">身份证号校验位不正确，请核对</div>")
                .contains("value=\"" + badId + "\"");
        String card = TestNumbers.bankCard();
        char wrongDigit = card.charAt(card.length() - 1) == '1' ? '2' : '1';
        String page2 = mvc.perform(post("/workers/new").with(user(staff)).with(csrf())
                        .param("townId", town.getId().toString()).param("name", "王小明").param("idNumber", idNumber)
                        .param("village", "前埠村").param("householdStatus", "ORDINARY")
                        .param("bankCard", card.substring(0, card.length() - 1) + wrongDigit).param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page2)
                .containsPattern("is-invalid\"[^>]*id=\"bankCard\"")
                .contains("<div class=\"invalid-feedback\">银行卡号校验位不正确，请核对</div>");
    }

    /**
     * The redirect followed as a browser would: with the session cookie, for the flash lives in the
     * session (Spring Session's, which MockMvc's own flash attributes do not reach).
     */
    private org.springframework.test.web.servlet.RequestBuilder follow(MvcResult redirect) {
        jakarta.servlet.http.Cookie session = redirect.getResponse().getCookie("SESSION");
        org.assertj.core.api.Assertions.assertThat(session).as("session cookie").isNotNull();
        return get(redirect.getResponse().getRedirectedUrl()).with(user(staff)).cookie(session);
    }
}
