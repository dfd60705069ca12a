package org.workrelief.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.workrelief.account.AccountService;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.project.ContractingMode;
import org.workrelief.project.EntityKind;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;
import org.workrelief.project.UnifiedSocialCreditCode;
import org.workrelief.team.SkillType;
import org.workrelief.team.TeamForm;
import org.workrelief.team.TeamService;
import org.workrelief.team.WorkTeam;
import org.workrelief.worker.Enrollment;
import org.workrelief.worker.EnrollmentForm;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.HouseholdStatus;
import org.workrelief.worker.RecruitmentSource;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerForm;
import org.workrelief.worker.WorkerService;

/** Projects, teams, workers and enrollments for tests, each unique within the run. */

public class RegistryFixtures {

    public static final String CREDIT_CODE = "91370285MA3CXKQ2L" + UnifiedSocialCreditCode.checkCharacter("91370285MA3CXKQ2L");

    private final ProjectService projects;
    private final TeamService teams;
    private final WorkerService workers;
    private final EnrollmentService enrollments;
    private final JdbcTemplate jdbc;

    public RegistryFixtures(ProjectService projects, TeamService teams, WorkerService workers,
            EnrollmentService enrollments, AccountService accounts) {
        this(projects, teams, workers, enrollments, accounts, null);
    }

    @Autowired
    public RegistryFixtures(ProjectService projects, TeamService teams, WorkerService workers,
            EnrollmentService enrollments, AccountService accounts, JdbcTemplate jdbc) {
        this.projects = projects;
        this.teams = teams;
        this.workers = workers;
        this.enrollments = enrollments;
        this.jdbc = jdbc;
    }

    public static ProjectForm projectForm(Town town) {
        return new ProjectForm(Fixtures.unique("P"), "测试项目", town.getId(), "前埠村", "东侧洼地", null, null, null,
                "测试强村共富有限公司", EntityKind.VILLAGE_COLLECTIVE_COMPANY, CREDIT_CODE, ContractingMode.DIRECT,
                LocalDate.of(2025, 3, 1), "决议〔2025〕1号", "批复〔2025〕2号", new BigDecimal("4000000.00"),
                new BigDecimal("500000.00"), new BigDecimal("1300000.00"), new BigDecimal("1610000.00"), 150, 134,
                new BigDecimal("12000.00"), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 10, 31), null, 0);
    }

    public Project project(SignedInUser admin, Town town) {
        return projects.create(admin, projectForm(town));
    }

    public WorkTeam team(SignedInUser admin, Project project, String name) {
        return teams.create(admin, project.getId(), new TeamForm(name, SkillType.EXCAVATION, new BigDecimal("160.00"), null, 0));
    }

    public static WorkerForm workerForm(Town town, String idNumber) {
        return new WorkerForm(town.getId(), "王小明", idNumber, TestNumbers.phone(), "前埠村", "一组", null,
                HouseholdStatus.ORDINARY, "挖掘", "农业银行", TestNumbers.bankCard(), 0);
    }

    public Worker worker(SignedInUser staff, Town town) {
        return workers.register(staff, workerForm(town, TestNumbers.idNumber())).worker();
    }

    /**
     * Enrolled (and under a signed contract) a month before {@code from}, insured from {@code from} to
     * {@code to}: the insurance period alone decides the days the worker may sign in.
     */
    public Enrollment enroll(SignedInUser staff, Project project, WorkTeam team, Worker worker, LocalDate from,
            LocalDate to) {
        LocalDate enrolled = from.minusDays(30);
        return recordedOnItsDate(enrollments.enroll(staff, project.getId(), worker.getId(), new EnrollmentForm(team.getId(),
                RecruitmentSource.SURVEYED, enrolled, enrolled, enrolled, to, "中国人寿", Fixtures.unique("POL"), from, to, 0)),
                enrolled);
    }

    public Enrollment enrollWithoutPaperwork(SignedInUser staff, Project project, WorkTeam team, Worker worker,
            LocalDate on) {
        return recordedOnItsDate(enrollments.enroll(staff, project.getId(), worker.getId(), new EnrollmentForm(team.getId(),
                RecruitmentSource.ADDED, on, null, null, null, null, null, null, null, 0)), on);
    }

    /**
     * The fixtures' enrollments are recorded on the day they start, as a clerk does on time (the test
     * clock is usually at the day under test, weeks later): otherwise every fixture worker would be a
     * back-dated enrollment in the daily review. Tests of back-dating enroll through the service.
     */
    private Enrollment recordedOnItsDate(Enrollment enrollment, LocalDate enrolledOn) {
        if (jdbc != null) {
            jdbc.update("update enrollment set created_at = ? where id = ? and created_at > ?",
                    Timestamp.from(enrolledOn.atTime(8, 0).atZone(MutableClock.ZONE).toInstant()), enrollment.getId(),
                    Timestamp.from(enrolledOn.atTime(8, 0).atZone(MutableClock.ZONE).toInstant()));
        }
        return enrollment;
    }
}
