package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;

/**
 * Names are listed in pinyin order (阿 a, 李 li, 王 wang, 张 zhang), the reverse of their code points (张 U+5F20,
 * 李 U+674E, 王 U+738B, 阿 U+963F), on the worker registry, the roster and the roll call.
 */
@IntegrationTest
class NameOrderTests {

    /** Registered in code-point order, which is the reverse of the pinyin order expected. */
    private static final List<String> REGISTERED = List.of("张德顺", "李德顺", "王德顺", "阿德顺");
    private static final List<String> PINYIN = List.of("阿德顺", "李德顺", "王德顺", "张德顺");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired WorkerService workers;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.set(ZonedDateTime.of(2025, 6, 3, 7, 58, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        for (String name : REGISTERED) {
            WorkerForm typical = RegistryFixtures.workerForm(site.town(), TestNumbers.idNumber());
            Worker worker = workers.register(site.staff(), new WorkerForm(typical.townId(), name, typical.idNumber(),
                    typical.phone(), typical.village(), typical.villageGroup(), typical.householdNo(),
                    typical.householdStatus(), typical.skills(), typical.bankName(), TestNumbers.bankCard(), 0)).worker();
            registry.enroll(site.staff(), site.project(), site.team(), worker, LocalDate.of(2025, 5, 1),
                    LocalDate.of(2025, 7, 31));
        }
    }

    @Test
    void theDatabaseKnowsTheChineseCollation() {
        assertThat(jdbc.queryForList("select collname from pg_collation where collname like 'zh%'", String.class))
                .contains("zh-x-icu");
    }

    @Test
    void theWorkerRegistryListsNamesInPinyinOrder() throws Exception {
        assertInPinyinOrder(page("/workers"));
        assertInPinyinOrder(page("/workers?q=德顺"));
    }

    @Test
    void theRosterListsNamesInPinyinOrder() throws Exception {
        assertInPinyinOrder(page("/projects/" + site.project().getId() + "/roster"));
        assertInPinyinOrder(page("/projects/" + site.project().getId() + "/roster?sort=name"));
    }

    @Test
    void theRollCallListsATeamInPinyinOrder() throws Exception {
        assertInPinyinOrder(page("/projects/" + site.project().getId() + "/rollcall?teamId=" + site.team().getId()));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(site.staff()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static void assertInPinyinOrder(String html) {
        List<Integer> positions = PINYIN.stream().map(html::indexOf).toList();
        assertThat(positions).as("every name is on the page").doesNotContain(-1);
        assertThat(positions).as("阿 李 王 张 in this order").isSorted();
    }
}
