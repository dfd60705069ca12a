package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
 * 共用手机号 at registration: the clerk who registers a worker, changes a worker's phone number or
 * imports a roster with a phone number another worker of the town has is told whose it is (name and
 * worker code, the number masked), in Chinese or English, and the worker is saved all the same.
 */
@IntegrationTest
class SharedPhoneScreensTests {

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
    String phone;
    Worker holder;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        staff = Principals.of(fixtures.user(Role.STAFF, town));
        project = registry.project(Principals.of(fixtures.user(Role.ADMIN, town)), town);
        registry.team(Principals.of(fixtures.user(Role.ADMIN, town)), project, "开挖组");
        phone = TestNumbers.phone();
        holder = workers.register(staff, new WorkerForm(town.getId(), "赵一", TestNumbers.idNumber(), phone, "前埠村", null,
                null, HouseholdStatus.ORDINARY, null, null, "", 0)).worker();
    }

    @Test
    void registeringWithAPhoneNumberOfTheTownSavesAndSaysWhoseItIs() throws Exception {
        String page = follow(register("王小明"), "zh-CN");
        assertThat(page).contains("id=\"flash-success\"")
                .contains("手机号 " + masked() + " 已登记在本镇另外 1 名务工群众名下：赵一（" + holder.getWorkerCode() + "）")
                .contains("id=\"flash-warning\""); // the age warning too: each has its banner

        String english = follow(register("王大明"), "en");
        assertThat(english).contains("Phone number " + masked() + " is already registered for 2 other worker(s) of this town: 赵一（"
                + holder.getWorkerCode() + "）、王小明（");
    }

    @Test
    void registeringWithAPhoneNumberNobodyHasSaysNothingOfIt() throws Exception {
        phone = TestNumbers.phone();
        assertThat(follow(register("王小明"), "zh-CN")).contains("id=\"flash-success\"").doesNotContain("flash-caution");
    }

    @Test
    void changingAPhoneNumberToOneOfTheTownSaysWhoseItIs() throws Exception {
        Worker other = registry.worker(staff, town);
        WorkerForm form = workers.formOf(staff, other.getId());
        MvcResult saved = mvc.perform(post("/workers/{id}/edit", other.getId()).with(user(staff)).with(csrf())
                        .param("townId", town.getId().toString()).param("name", form.name()).param("phone", phone)
                        .param("village", form.village()).param("householdStatus", "ORDINARY")
                        .param("version", String.valueOf(form.version())))
                .andExpect(redirectedUrlPattern("/workers/*")).andReturn();
        assertThat(follow(saved, "en")).contains("id=\"flash-caution\"")
                .contains("Phone number " + masked() + " is already registered for 1 other worker(s) of this town: 赵一（"
                        + holder.getWorkerCode() + "）");
    }

    @Test
    void theImportResultListsASharedPhoneNumberRowByRowInTheUsersLanguage() throws Exception {
        String csv = "姓名,身份证号,手机号,村,班组\n张三," + TestNumbers.idNumber() + "," + phone + ",前埠村,开挖组\n李四,"
                + TestNumbers.idNumber() + "," + phone + ",前埠村,开挖组\n";
        String chinese = importCsv(csv, "zh-CN");
        assertThat(chinese).contains("id=\"import-warnings\"")
                .contains("手机号 " + masked() + " 已登记在本镇另外 1 名务工群众名下：赵一（" + holder.getWorkerCode() + "）")
                .contains("手机号 " + masked() + " 与本文件第 2 行（张三）相同");

        String again = importCsv("姓名,身份证号,手机号,村,班组\n王五," + TestNumbers.idNumber() + "," + phone + ",前埠村,开挖组\n", "en");
        assertThat(again).contains("id=\"import-warnings\"")
                .contains("Phone number " + masked() + " is already registered for 3 other worker(s) of this town: 赵一（"
                        + holder.getWorkerCode() + "）、张三（");
    }

    private String masked() {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    private MvcResult register(String name) throws Exception {
        return mvc.perform(post("/workers/new").with(user(staff)).with(csrf())
                        .param("townId", town.getId().toString()).param("name", name).param("idNumber", TestNumbers.idNumber())
                        .param("phone", phone).param("village", "前埠村").param("householdStatus", "ORDINARY")
                        .param("version", "0"))
                .andExpect(redirectedUrlPattern("/workers/*")).andReturn();
    }

    private String importCsv(String csv, String lang) throws Exception {
        return mvc.perform(multipart("/projects/{id}/roster/import", project.getId())
                        .file(new MockMultipartFile("file", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("lang", lang).with(user(staff)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * The redirect followed as a browser would: with the session cookie, for the flash lives in the
     * session (Spring Session's, which MockMvc's own flash attributes do not reach).
     */
    private String follow(MvcResult redirect, String lang) throws Exception {
        jakarta.servlet.http.Cookie session = redirect.getResponse().getCookie("SESSION");
        assertThat(session).as("session cookie").isNotNull();
        MockHttpServletRequestBuilder next = get(redirect.getResponse().getRedirectedUrl()).param("lang", lang)
                .with(user(staff)).cookie(session);
        return mvc.perform(next).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
