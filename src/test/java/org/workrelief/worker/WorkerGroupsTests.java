package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.sheet.RowError;
import org.workrelief.project.Project;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.EnrollmentService.RosterFilter;
import org.workrelief.worker.RosterImportService.ImportResult;

/** 重点群体: recorded at registration and by the roster file, shown on the worker page, filtered on the roster. */
@IntegrationTest
class WorkerGroupsTests {

    static final String HEADER = RosterImportIntegrationTests.HEADER + ",重点群体";

    @Autowired WorkerService workers;
    @Autowired RosterImportService importer;
    @Autowired EnrollmentService enrollments;
    @Autowired WorkerGroups groups;
    @Autowired AccountService accounts;
    @Autowired RegistryFixtures registry;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;

    Town town;
    SignedInUser staff;
    SignedInUser admin;
    Project project;

    @BeforeEach
    void setUp() {
        clock.reset();
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        admin = Principals.of(fixtures.user(Role.ADMIN, town));
        staff = Principals.of(fixtures.user(Role.STAFF, town));
        project = registry.project(admin, town);
        registry.team(admin, project, "开挖组");
    }

    @Test
    void theNineGroupsOfThePolicyAreConfiguredInOrderWithTheirNames() {
        assertThat(groups.codes()).containsExactly("POVERTY_LIFTED", "MONITORED", "RURAL_LOW_INCOME", "RETURNED_MIGRANT",
                "GRADUATE", "VETERAN", "DISABLED", "RELOCATED", "DISASTER_AFFECTED");
        assertThat(groups.names(java.util.Locale.SIMPLIFIED_CHINESE).values()).containsExactly("脱贫人口", "防返贫监测对象",
                "农村低收入人口", "返乡农民工", "困难高校毕业生", "退役军人", "残疾人", "易地搬迁群众", "受灾群众");
        assertThat(groups.name("VETERAN", java.util.Locale.ENGLISH)).isEqualTo("Veteran");
    }

    @Test
    void aWorkerRegisteredInSeveralGroupsKeepsThemAndAnEditChangesThem() {
        WorkerForm form = withGroups(RegistryFixtures.workerForm(town, TestNumbers.idNumber()), "POVERTY_LIFTED", "VETERAN");
        Worker worker = workers.register(staff, form).worker();
        assertThat(workers.get(staff, worker.getId()).getGroups()).containsExactlyInAnyOrder("POVERTY_LIFTED", "VETERAN");

        WorkerForm edit = withGroups(workers.formOf(staff, worker.getId()), "DISABLED");
        workers.update(staff, worker.getId(), edit);
        assertThat(jdbc.queryForList("select group_code from worker_group_member where worker_id = ?", String.class,
                worker.getId())).containsExactly("DISABLED");
        assertThat(jdbc.queryForObject("""
                select after_state::text from audit_log where action = 'WORKER_UPDATED' and entity_id = ? order by id desc limit 1
                """, String.class, String.valueOf(worker.getId()))).contains("DISABLED");
    }

    @Test
    void aGroupNotOnTheListIsRefused() {
        WorkerForm form = withGroups(RegistryFixtures.workerForm(town, TestNumbers.idNumber()), "POVERTY_LIFTED", "VIP");
        assertThatThrownBy(() -> workers.register(staff, form)).isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).getMessageKey()).isEqualTo("worker.group.unknown");
    }

    @Test
    void theRosterFileNamesGroupsInOneColumnAndAnUnknownNameIsARowErrorThatSavesNothing() throws IOException {
        String good = TestNumbers.idNumber();
        String bad = TestNumbers.idNumber();
        ImportResult refused = importCsv(HEADER + "\n" + row("张三", good, "脱贫人口、返乡农民工") + "\n"
                + row("李四", bad, "脱贫人口，五保户") + "\n");
        assertThat(refused.errors()).extracting(RowError::row, RowError::column, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "重点群体", "worker.group.unknown"));
        assertThat(refused.errors().get(0).args()).first().isEqualTo("五保户");
        assertThat(workers.findByIdNumber(staff, good)).as("all rows or none").isEmpty();

        ImportResult imported = importCsv(HEADER + "\n" + row("张三", good, "脱贫人口、返乡农民工") + "\n"
                + row("李四", bad, "") + "\n");
        assertThat(imported.errors()).isEmpty();
        assertThat(workers.findByIdNumber(staff, good).orElseThrow().getGroups())
                .containsExactlyInAnyOrder("POVERTY_LIFTED", "RETURNED_MIGRANT");
        assertThat(workers.findByIdNumber(staff, bad).orElseThrow().getGroups()).isEmpty();

        assertThat(enrollments.roster(staff, project.getId(),
                new RosterFilter("", null, null, false, false, null, "RETURNED_MIGRANT"), PageRequest.of(0, 10)).getContent())
                .extracting(e -> e.getWorker().getName()).containsExactly("张三");
        assertThat(enrollments.roster(staff, project.getId(),
                new RosterFilter("", null, null, false, false, null, null), PageRequest.of(0, 10)).getTotalElements())
                .isEqualTo(2);
    }

    @Test
    void theWorkerPageShowsTheGroupsAndTheRosterFiltersByThem() throws Exception {
        Worker inGroup = workers.register(staff,
                withGroups(RegistryFixtures.workerForm(town, TestNumbers.idNumber()), "RELOCATED", "MONITORED")).worker();
        Worker other = workers.register(staff, RegistryFixtures.workerForm(town, TestNumbers.idNumber())).worker();
        var team = registry.team(admin, project, "运输组");
        registry.enroll(staff, project, team, inGroup, java.time.LocalDate.of(2025, 6, 1), java.time.LocalDate.of(2025, 9, 1));
        registry.enroll(staff, project, team, other, java.time.LocalDate.of(2025, 6, 1), java.time.LocalDate.of(2025, 9, 1));

        mvc.perform(get("/workers/{id}", inGroup.getId()).with(user(staff)))
                .andExpect(content().string(containsString("防返贫监测对象、易地搬迁群众")));
        mvc.perform(get("/workers/{id}", inGroup.getId()).param("lang", "en").with(user(staff)))
                .andExpect(content().string(containsString("Monitored against relapse into poverty")));
        mvc.perform(get("/projects/{id}/roster", project.getId()).param("group", "RELOCATED").with(user(staff)))
                .andExpect(content().string(containsString("roster-row-")))
                .andExpect(content().string(containsString(inGroup.getWorkerCode())))
                .andExpect(content().string(not(containsString(other.getWorkerCode()))));
        mvc.perform(post("/projects/{id}/roster", project.getId()).param("group", "RELOCATED").with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Location",
                        containsString("group=RELOCATED")));
        // the registration form offers every group as a box to tick
        mvc.perform(get("/workers/new").with(user(staff)))
                .andExpect(content().string(containsString("value=\"DISASTER_AFFECTED\"")))
                .andExpect(content().string(containsString("受灾群众")));
        mvc.perform(post("/workers/new").with(user(staff)).with(csrf()).param("townId", town.getId().toString())
                .param("name", "王小二").param("idNumber", TestNumbers.idNumber()).param("village", "前埠村")
                .param("householdStatus", "ORDINARY").param("groups", "VETERAN", "GRADUATE").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("""
                select m.group_code from worker_group_member m join worker w on w.id = m.worker_id where w.name = '王小二'
                order by 1""", String.class)).containsExactly("GRADUATE", "VETERAN");
    }

    private ImportResult importCsv(String csv) throws IOException {
        return importer.importRoster(staff, project.getId(), "花名册.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static String row(String name, String id, String groupsCell) {
        return String.join(",", List.of(name, id, "", "前埠村", "一组", "", "一般农户", "", "农业银行", TestNumbers.bankCard(),
                "开挖组", "", "2025-05-30", "2025-06-01", "2025-09-30", "中国人寿", "POL-1", "2025-06-01", "2025/9/30",
                groupsCell));
    }

    static WorkerForm withGroups(WorkerForm f, String... codes) {
        return new WorkerForm(f.townId(), f.name(), f.idNumber(), f.phone(), f.village(), f.villageGroup(), f.householdNo(),
                f.householdStatus(), f.skills(), f.bankName(), f.bankCard(), f.version(), List.of(codes));
    }
}
