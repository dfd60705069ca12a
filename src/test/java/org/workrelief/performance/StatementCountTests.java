package org.workrelief.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.SupervisedSite;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.StatementCounter;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.Enrollment;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.Worker;

/**
 * No N+1: each key page runs the same number of SQL statements however many projects, workers or
 * lines it shows, and never more than {@link #AT_MOST}. Each test renders a page, adds data the page
 * shows (more projects, workers, sign-ins or payout lines), renders it again and compares the counts
 * of statements the request sent to PostgreSQL (see {@link StatementCounter}). The counts include
 * Spring Session's (sessions live in PostgreSQL): each counted request carries the session cookie of
 * the one before it, as a signed-in browser does, so Spring Session reads the session and updates its
 * last access (the public page has no session). Run with {@code -Dstatements.show=true} to print each
 * page's statements.
 */
@IntegrationTest
@Import(StatementCounter.class)
class StatementCountTests {

    /** The most statements any key page may run. */
    static final int AT_MOST = 15;

    /**
     * A paged list whose first page is not full knows its total without asking; once the page is
     * full, Spring Data runs one {@code select count(*)} more. The only difference allowed.
     */
    static final int FULL_PAGE_COUNT_QUERY = 1;

    /** The day after the paid week's last day, before the test day: its review is still open. */
    static final LocalDate OPEN_DAY = LocalDate.of(2025, 6, 2);

    @Autowired MockMvc mvc;
    @Autowired PayoutFlow flow;
    @Autowired SupervisedSites sites;
    @Autowired RegistryFixtures registry;
    @Autowired ProjectService projects;
    @Autowired AccountService accounts;
    @Autowired PunchService punches;
    @Autowired DutyRosterService duty;
    @Autowired DailyReviewService reviews;
    @Autowired MutableClock clock;
    @Autowired EnrollmentService enrollments;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void whetherASessionWasEndedElsewhereIsAnsweredWithoutReadingItAgain() throws Exception {
        List<String> statements = statements("project page", get("/projects/{id}", p.projectId()).with(user(p.admin())));
        // Spring Session reads the row when the request first asks for its session, and again when it
        // commits it (spring-session issues 1424 and 1731, open); Spring Security's check whether the
        // session was ended elsewhere is answered from the first read (RequestSessionRegistry)
        // instead of a third
        assertThat(statements).filteredOn(sql -> sql.toLowerCase().matches("(?s)\\s*select.*from spring_session\\b.*"))
                .as("reads of the session:%n%s", lines(statements)).hasSize(2);
        assertThat(statements).filteredOn(sql -> sql.toLowerCase().matches("(?s)\\s*update spring_session\\b.*"))
                .as("its last access written").hasSize(1);
    }

    @Test
    void theHomePage() throws Exception {
        assertFlat("home", () -> get("/").with(user(p.admin())), () -> moreProjects(10));
    }

    @Test
    void theHomePageWithInsuranceAboutToExpire() throws Exception {
        assertFlat("home, insurance about to expire", () -> get("/").with(user(p.staff())), () -> {
            LocalDate today = LocalDate.now(clock);
            for (int i = 0; i < 10; i++) {
                Worker worker = registry.worker(p.staff(), p.s().site().town());
                registry.enroll(p.staff(), p.s().site().project(), p.s().site().team(), worker, today.minusDays(20),
                        today.plusDays(3));
            }
        });
    }

    @Test
    void theFinanceHomePage() throws Exception {
        // nothing on finance's desk, then a batch released and awaiting the bank: the same statements
        assertFlat("finance home", () -> get("/").with(user(p.finance())), () -> flow.released(p));
    }

    @Test
    void theTownOverview() throws Exception {
        assertFlat("town overview", () -> get("/dashboard").with(user(p.admin())), () -> moreProjects(10));
    }

    @Test
    void theCountyOverviewOverEveryTown() throws Exception {
        SignedInUser county = Principals.of(new Fixtures(accounts).user(Role.ADMIN, null));
        assertFlat("county overview", () -> get("/dashboard").with(user(county)), () -> moreProjects(10));
    }

    @Test
    void theProjectList() throws Exception {
        assertFlat("project list", () -> get("/projects").with(user(p.admin())), () -> moreProjects(10));
    }

    @Test
    void aProjectsPageAndItsDashboard() throws Exception {
        assertFlat("project page", () -> get("/projects/{id}", p.projectId()).with(user(p.admin())),
                () -> moreWorkers(10));
        assertFlat("project dashboard", () -> get("/projects/{id}/dashboard", p.projectId()).with(user(p.admin())),
                () -> moreWorkers(10));
    }

    @Test
    void theProjectsRegistryPanelWithItsTeamLeaders() throws Exception {
        Project project = p.s().site().project();
        enrollments.appointTeamLeader(p.admin(), p.s().site().team().getId(), p.s().site().enrollment().getId());
        assertFlat("registry panel", () -> get("/projects/{id}/registry-panel", p.projectId()).with(user(p.staff())),
                () -> {
                    for (int i = 0; i < 10; i++) {
                        WorkTeam team = registry.team(p.admin(), project, "班组" + i);
                        Worker leader = registry.worker(p.staff(), p.s().site().town());
                        Enrollment enrollment = registry.enroll(p.staff(), project, team, leader, OPEN_DAY.minusDays(10),
                                OPEN_DAY.plusDays(30));
                        enrollments.appointTeamLeader(p.admin(), team.getId(), enrollment.getId());
                    }
                });
    }

    @Test
    void theRoster() throws Exception {
        assertFlat("roster", () -> get("/projects/{id}/roster", p.projectId()).with(user(p.staff())),
                () -> moreWorkers(10));
    }

    @Test
    void aWorkersPageWithTheProjectsTheyWorkedOn() throws Exception {
        Worker worker = p.crew().get(0);
        assertFlat("worker page", () -> get("/workers/{id}", worker.getId()).with(user(p.staff())), () -> {
            for (int i = 0; i < 5; i++) {
                Project project = registry.project(p.admin(), p.s().site().town());
                WorkTeam team = registry.team(p.admin(), project, "开挖组");
                registry.enroll(p.staff(), project, team, worker, OPEN_DAY.minusDays(10), OPEN_DAY.plusDays(30));
            }
        });
    }

    @Test
    void theUserList() throws Exception {
        assertFlat("user list", () -> get("/admin/users").with(user(p.admin())), () -> {
            Fixtures fixtures = new Fixtures(accounts);
            for (int i = 0; i < 10; i++) {
                fixtures.user(Role.STAFF, p.s().site().town());
            }
        });
    }

    @Test
    void theWorkerRegistry() throws Exception {
        // 4 workers, then 54: the page of 20 is full
        assertFlat("worker list", () -> get("/workers").with(user(p.staff())), () -> {
            moreWorkers(10);
            for (int i = 0; i < 40; i++) {
                registry.worker(p.staff(), p.s().site().town());
            }
        }, FULL_PAGE_COUNT_QUERY);
    }

    @Test
    void theDailyAttendanceSheet() throws Exception {
        p.crew().forEach(worker -> p.s().fullDay(worker, OPEN_DAY));
        assertFlat("attendance sheet", () -> get("/projects/{id}/attendance", p.projectId())
                .param("date", OPEN_DAY.toString()).with(user(p.staff())),
                () -> moreWorkers(10).forEach(worker -> p.s().fullDay(worker, OPEN_DAY)));
    }

    @Test
    void theCommitteesDailyReview() throws Exception {
        p.crew().forEach(worker -> p.s().fullDay(worker, OPEN_DAY));
        assertFlat("daily review", () -> get("/projects/{id}/reviews/{day}", p.projectId(), OPEN_DAY)
                .with(user(p.s().onDuty())),
                () -> moreWorkers(10).forEach(worker -> p.s().device(worker, OPEN_DAY, 7, 58, 0, "gate-1")));
    }

    @Test
    void thePayoutBatch() throws Exception {
        PayoutBatch small = flow.confirmed(p);
        List<String> fewLines = statements("payout batch", get("/payouts/{id}", small.id()).with(user(p.staff())));

        PaidSite big = paidSite(14);
        PayoutBatch large = flow.confirmed(big);
        List<String> manyLines = statements("payout batch", get("/payouts/{id}", large.id()).with(user(big.staff())));
        assertSame("payout batch, 4 and 14 lines", fewLines, manyLines);
    }

    @Test
    void theTeamConfirmationPage() throws Exception {
        // who may vouch for each line is judged for the whole team at once, not line by line
        PayoutBatch small = flow.publicized(p);
        List<String> fewLines = statements("team confirmations", get("/payouts/{b}/teams/{t}", small.id(),
                p.s().site().team().getId()).with(user(p.staff())));

        PaidSite big = paidSite(14);
        PayoutBatch large = flow.publicized(big);
        List<String> manyLines = statements("team confirmations", get("/payouts/{b}/teams/{t}", large.id(),
                big.s().site().team().getId()).with(user(big.staff())));
        assertSame("team confirmations, 4 and 14 lines", fewLines, manyLines);
    }

    @Test
    void thePayoutBatchAsItsApprover() throws Exception {
        // the approver also sees 互证集中提示 (WitnessConcentration): one statement more, however many lines
        PayoutBatch small = flow.confirmed(p);
        List<String> fewLines = statements("payout batch, approver", get("/payouts/{id}", small.id()).with(user(p.admin())));

        PaidSite big = paidSite(14);
        PayoutBatch large = flow.confirmed(big);
        List<String> manyLines = statements("payout batch, approver", get("/payouts/{id}", large.id()).with(user(big.admin())));
        assertSame("payout batch for the approver, 4 and 14 lines", fewLines, manyLines);
    }

    @Test
    void theAuditLog() throws Exception {
        assertFlat("audit log", () -> get("/audit").with(user(p.admin())), () -> moreProjects(10));
        assertFlat("audit log of a project", () -> get("/audit").param("projectId", String.valueOf(p.projectId()))
                .with(user(p.admin())), () -> moreWorkers(10));
    }

    @Test
    void thePublicTownPage() throws Exception {
        flow.publicized(p);
        long townId = p.s().site().town().getId();
        assertFlat("public town page", () -> get("/public/towns/{id}", townId), () -> moreProjects(10));
    }

    // --- counting

    interface Request {
        MockHttpServletRequestBuilder build();
    }

    /** Renders the page, grows the data, renders it again: the same statements, and few of them. */
    private void assertFlat(String page, Request request, Runnable grow) throws Exception {
        assertFlat(page, request, grow, 0);
    }

    /** As above, with {@code more} statements expected after the data grew (a documented constant). */
    private void assertFlat(String page, Request request, Runnable grow, int more) throws Exception {
        List<String> before = statements(page, request.build());
        grow.run();
        List<String> after = statements(page, request.build());
        assertSame(page, before, after, more);
    }

    private static void assertSame(String page, List<String> before, List<String> after) {
        assertSame(page, before, after, 0);
    }

    private static void assertSame(String page, List<String> before, List<String> after, int more) {
        assertThat(after.size()).as("%s: statements before the data grew:%n%s%nand after:%n%s", page, lines(before),
                lines(after)).isEqualTo(before.size() + more);
        assertThat(after.size()).as("%s runs at most %d statements:%n%s", page, AT_MOST, lines(after))
                .isLessThanOrEqualTo(AT_MOST);
    }

    /**
     * The statements of the request as a signed-in user sends it: with the session cookie of an
     * earlier request (the one here before it, not counted), as a browser does after sign-in.
     */
    private List<String> statements(String page, MockHttpServletRequestBuilder request) throws Exception {
        Cookie session = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getCookie("SESSION");
        if (session != null) {
            request.cookie(session);
        }
        List<String> statements = StatementCounter.record(() -> mvc.perform(request).andExpect(status().isOk()));
        System.out.printf("%s: %d statements%n", page, statements.size());
        if (Boolean.getBoolean("statements.show")) {
            System.out.print(lines(statements));
        }
        return statements;
    }

    private static String lines(List<String> statements) {
        StringBuilder text = new StringBuilder();
        statements.forEach(sql -> text.append("  ").append(sql.replaceAll("\\s+", " ")).append('\n'));
        return text.toString();
    }

    // --- more data

    /**
     * Projects under construction in the site's town, each with a team, an enrolled worker and a
     * sign-in on {@link #OPEN_DAY} (a day awaiting review, so each is overdue on the home page).
     */
    private List<Project> moreProjects(int count) {
        List<Project> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Project project = registry.project(p.admin(), p.s().site().town());
            WorkTeam team = registry.team(p.admin(), project, "开挖组");
            Worker worker = registry.worker(p.staff(), p.s().site().town());
            registry.enroll(p.staff(), project, team, worker, OPEN_DAY.minusDays(10), OPEN_DAY.plusDays(30));
            projects.advance(p.admin(), project.getId(), ProjectStatus.RECRUITING);
            projects.advance(p.admin(), project.getId(), ProjectStatus.UNDER_CONSTRUCTION);
            punches.punch(PunchRequest.byWorkerCode(project.getId(), worker.getWorkerCode(),
                    SupervisedSite.at(OPEN_DAY, 7, 58, 0), PunchSource.DEVICE, "gate-1", "device:gate-1", null, null));
            made.add(project);
        }
        return made;
    }

    /** Workers enrolled on the site's project, on its team. */
    private List<Worker> moreWorkers(int count) {
        List<Worker> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(p.s().addWorker(registry));
        }
        return made;
    }

    /** Like {@link PaidSite}, with a crew of {@code crewSize} each signed in five full days. */
    private PaidSite paidSite(int crewSize) {
        clock.set(MutableClock.START);
        SupervisedSite s = sites.create(PaidSite.TODAY);
        List<Worker> crew = new ArrayList<>(List.of(s.site().worker()));
        while (crew.size() < crewSize) {
            crew.add(s.addWorker(registry));
        }
        for (LocalDate day = PaidSite.FROM; !day.isAfter(PaidSite.TO); day = day.plusDays(1)) {
            duty.setDay(s.site().admin(), s.projectId(), day, List.of(s.onDutyMember().id()), SupervisedSite.PAST_DUTY);
            for (Worker worker : crew) {
                s.fullDay(worker, day);
            }
            PaidSite.approve(reviews, s, day);
        }
        Fixtures fixtures = new Fixtures(accounts);
        return new PaidSite(s, crew, s.site().staff(), s.site().admin(),
                Principals.of(fixtures.user(Role.ADMIN, s.site().town())),
                Principals.of(fixtures.user(Role.FINANCE, s.site().town())));
    }
}
