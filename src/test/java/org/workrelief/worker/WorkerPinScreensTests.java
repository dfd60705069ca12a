package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;

/** The PIN page, the worker page's PIN status, the administrator's reset, and that the PIN shows nowhere. */
@IntegrationTest
class WorkerPinScreensTests {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 3);
    static final String PIN = "583071";
    static final String WRONG = "739152";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired MutableClock clock;
    @Autowired WorkerPins pins;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkerCards cards;
    @org.springframework.beans.factory.annotation.Value("${workrelief.public-url}") String publicUrl;

    ActiveProject site;
    long workerId;

    @BeforeEach
    void setUp() {
        clock.reset();
        site = ActiveProject.create(accounts, projects, registry, TODAY);
        workerId = site.worker().getId();
    }

    @Test
    void theCardsQrCodeLeadsToTheConfiguredAddressNotTheRequestsHost() throws Exception {
        String code = site.worker().getWorkerCode();
        String card = page(get("/workers/{id}/card", workerId).header("Host", "evil.example").with(user(site.staff())));
        assertThat(card).contains(cards.qrSvg(publicUrl.replaceAll("/$", "") + "/self?code=" + code))
                .doesNotContain(cards.qrSvg("http://evil.example/self?code=" + code));
    }

    @Test
    void theWorkerSetsAPinOnThePageTheClerkOpens() throws Exception {
        mvc.perform(get("/workers/{id}", workerId).with(user(site.staff())))
                .andExpect(content().string(allOf(containsString("href=\"/workers/" + workerId + "/pin\""),
                        containsString("未设置"))));
        mvc.perform(get("/workers/{id}/pin", workerId).with(user(site.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请将设备交给 " + site.worker().getName() + " 本人"),
                        containsString("name=\"newPin\""), containsString("name=\"newPinAgain\""),
                        containsString("inputmode=\"numeric\""), not(containsString("name=\"currentPin\"")))));

        mvc.perform(post("/workers/{id}/pin", workerId).param("newPin", PIN).param("newPinAgain", PIN)
                        .with(user(site.staff())).with(csrf()))
                .andExpect(redirectedUrl("/workers/" + workerId))
                .andExpect(flash().attribute("success", "worker.pin.set.done"));
        assertThat(pins.verify(site.staff(), site.worker().getWorkerCode(), PIN).getId()).isEqualTo(workerId);

        // once set, changing it asks for the current PIN
        mvc.perform(get("/workers/{id}/pin", workerId).with(user(site.staff())))
                .andExpect(content().string(containsString("name=\"currentPin\"")));
        mvc.perform(get("/workers/{id}", workerId).with(user(site.staff())))
                .andExpect(content().string(containsString("已设置（2025-06-03）")));
    }

    @Test
    void aRefusedPinComesBackWithItsReasonAndNothingTyped() throws Exception {
        mvc.perform(post("/workers/{id}/pin", workerId).param("newPin", "123456").param("newPinAgain", "123456")
                        .with(user(site.staff())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("确认码不能是连续递增或递减的数字"), not(containsString("123456\"")))));
        mvc.perform(post("/workers/{id}/pin", workerId).param("newPin", PIN).param("newPinAgain", WRONG)
                        .with(user(site.staff())).with(csrf()))
                .andExpect(content().string(allOf(containsString("两次输入的确认码不一致"), not(containsString(PIN)),
                        not(containsString(WRONG)))));
        assertThat(pins.statusOf(site.staff(), workerId).set()).isFalse();
    }

    @Test
    void theWorkerPageSaysUntilWhenAPinIsLockedInBothLanguages() throws Exception {
        pins.set(site.staff(), workerId, new PinForm("", PIN, PIN));
        for (int i = 0; i < 5; i++) {
            try {
                pins.verify(site.staff(), site.worker().getWorkerCode(), WRONG);
            }
            catch (org.workrelief.common.BusinessRuleException expected) {
                // counted
            }
        }
        mvc.perform(get("/workers/{id}", workerId).with(user(site.staff())))
                .andExpect(content().string(containsString("已锁定至 2025-06-03 09:15")));
        mvc.perform(get("/workers/{id}", workerId).param("lang", "en").with(user(site.staff())))
                .andExpect(content().string(containsString("Locked until 2025-06-03 09:15")));
        mvc.perform(get("/workers/{id}/pin", workerId).with(user(site.staff())))
                .andExpect(content().string(allOf(containsString("已锁定至 2025-06-03 09:15"), not(containsString("id=\"pin-form\"")))));
    }

    @Test
    void onlyAnAdministratorResetsAPinOnTheScreen() throws Exception {
        pins.set(site.staff(), workerId, new PinForm("", PIN, PIN));
        Fixtures fixtures = new Fixtures(accounts);
        for (Role role : new Role[] { Role.STAFF, Role.SUPERVISOR, Role.FINANCE }) {
            SignedInUser someone = Principals.of(fixtures.user(role, site.town()));
            mvc.perform(post("/workers/{id}/pin/reset", workerId).param("reason", "忘记了").with(user(someone)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        for (Role role : new Role[] { Role.SUPERVISOR, Role.FINANCE }) {
            SignedInUser someone = Principals.of(fixtures.user(role, site.town()));
            mvc.perform(get("/workers/{id}/pin", workerId).with(user(someone))).andExpect(status().isForbidden());
        }
        // the reset form is the administrator's only
        mvc.perform(get("/workers/{id}", workerId).with(user(site.staff())))
                .andExpect(content().string(not(containsString("pin-reset-form"))));
        mvc.perform(get("/workers/{id}", workerId).with(user(site.admin())))
                .andExpect(content().string(containsString("id=\"pin-reset-form\"")));
        assertThat(pins.verify(site.staff(), site.worker().getWorkerCode(), PIN).getId()).isEqualTo(workerId);

        mvc.perform(post("/workers/{id}/pin/reset", workerId).param("reason", "").with(user(site.admin())).with(csrf()))
                .andExpect(flash().attribute("failure", "worker.pin.reset.reasonRequired"));
        mvc.perform(post("/workers/{id}/pin/reset", workerId).param("reason", "本人忘记确认码").with(user(site.admin())).with(csrf()))
                .andExpect(redirectedUrl("/workers/" + workerId))
                .andExpect(flash().attribute("success", "worker.pin.reset.done"));
        mvc.perform(get("/workers/{id}", workerId).with(user(site.admin())))
                .andExpect(content().string(allOf(containsString("未设置"), containsString("已由管理员重置"))));
    }

    /** The digits and the hash: searched for in every page, export and audit row that concerns the worker. */
    @Test
    void thePinShowsInNoPageExportOrAuditRow() throws Exception {
        mvc.perform(post("/workers/{id}/pin", workerId).param("newPin", PIN).param("newPinAgain", PIN)
                .with(user(site.staff())).with(csrf())).andExpect(status().is3xxRedirection());
        // a wrong PIN typed, a change refused, a lock and a reset: all audited, none with digits
        try {
            pins.verify(site.staff(), site.worker().getWorkerCode(), WRONG);
        }
        catch (org.workrelief.common.BusinessRuleException expected) {
            // counted
        }
        mvc.perform(post("/workers/{id}/pin", workerId).param("currentPin", WRONG).param("newPin", "602417")
                .param("newPinAgain", "602417").with(user(site.staff())).with(csrf())).andExpect(status().isOk());
        String hash = jdbc.queryForObject("select pin_hash from worker_pin where worker_id = ?", String.class, workerId);
        assertThat(hash).startsWith("{bcrypt}$2a$");
        List<String> secrets = List.of(PIN, WRONG, "602417", hash.substring(0, 16), hash.substring(hash.length() - 16), "$2a$");

        List<String> shown = new ArrayList<>();
        shown.add(page(get("/workers/{id}", workerId).with(user(site.admin()))));
        shown.add(page(get("/workers/{id}/pin", workerId).with(user(site.staff()))));
        shown.add(page(get("/workers/{id}/card", workerId).with(user(site.staff()))));
        shown.add(page(get("/workers").param("q", site.worker().getName()).with(user(site.staff()))));
        shown.add(page(get("/projects/{p}/roster", site.project().getId()).with(user(site.staff()))));
        shown.add(xlsx(get("/projects/{p}/roster.xlsx", site.project().getId()).with(user(site.staff()))));
        shown.add(page(get("/audit").param("entityType", "Worker").param("entityId", String.valueOf(workerId))
                .param("signIns", "true").with(user(site.admin()))));

        mvc.perform(post("/workers/{id}/pin/reset", workerId).param("reason", "本人忘记确认码").with(user(site.admin())).with(csrf()));
        List<String> auditRows = jdbc.queryForList("""
                select concat_ws(' | ', actor, action, entity_type, entity_id, before_state::text, after_state::text, detail)
                from audit_log where entity_type = 'Worker' and entity_id = ?""", String.class, String.valueOf(workerId));
        assertThat(auditRows).anyMatch(row -> row.contains("WORKER_PIN_SET")).anyMatch(row -> row.contains("WORKER_PIN_FAILED"))
                .anyMatch(row -> row.contains("WORKER_PIN_RESET"));
        shown.addAll(auditRows);
        shown.add(page(get("/audit").param("entityType", "Worker").param("entityId", String.valueOf(workerId))
                .param("signIns", "true").with(user(site.admin()))));

        assertThat(shown.get(0)).contains("已设置");
        assertThat(shown.get(6)).contains("设置确认码").contains("确认码输入错误");
        for (String text : shown) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String xlsx(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        byte[] file = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(formatter.formatCellValue(cell)).append('\t');
                    }
                    text.append('\n');
                }
            }
        }
        assertThat(text).contains(site.worker().getWorkerCode());
        return text.toString();
    }
}
