package org.workrelief.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.attendance.PunchService;
import org.workrelief.account.Role;
import org.workrelief.account.Town;
import org.workrelief.common.db.OwnEmbeddedDatabaseCondition;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.ProjectService;
import org.workrelief.publicsite.PostKind;
import org.workrelief.publicsite.PublicSiteService;
import org.workrelief.training.TrainingService;
import org.workrelief.supervision.CommitteeService;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.team.TeamService;
import org.workrelief.worker.RosterImportService;

/**
 * Fills a new embedded database with the towns and demo accounts listed in the README. Runs once:
 * a database that already has accounts is left alone, so a restart keeps what users changed.
 */
@Component
@Order(10)
@Conditional(OwnEmbeddedDatabaseCondition.class)
class DemoData implements ApplicationRunner {

    /** The password of every demo account, printed in the README; never used outside the embedded database. */
    static final String DEMO_PASSWORD = "workrelief-demo";

    private static final int ATTENDANCE_DAYS = 5;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final ReferenceProject referenceProject;
    private final ReferenceCommittee referenceCommittee;
    private final PayoutService payouts;
    private final ReferenceTraining referenceTraining;
    private final PublicSiteService publicSite;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DemoData(AccountService accounts, ProjectService projects, TeamService teams, RosterImportService roster,
            PunchService punches, JdbcTemplate jdbc, CommitteeService committee, DutyRosterService duty,
            DailyReviewService reviews, PayoutService payouts, TrainingService training, PublicSiteService publicSite,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.accounts = accounts;
        this.referenceProject = new ReferenceProject(projects, teams, roster, punches, jdbc);
        this.referenceCommittee = new ReferenceCommittee(accounts, committee, duty, reviews);
        this.payouts = payouts;
        this.referenceTraining = new ReferenceTraining(training, jdbc);
        this.publicSite = publicSite;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasAnyUser()) {
            return;
        }
        // All of it or none: a half-loaded demo would be skipped forever after.
        transaction.executeWithoutResult(status -> load());
        log.info("Demo data loaded: sign in as admin / {} (see README for the other accounts)", DEMO_PASSWORD);
    }

    void load() {
        Town jiangshan = accounts.createInitialTown("JS", "姜山镇");
        accounts.createInitialTown("YS", "院上镇");
        accounts.createInitialUser("admin", "县级管理员", DEMO_PASSWORD, Role.ADMIN, null);
        accounts.createInitialUser("js-admin", "姜山镇管理员", DEMO_PASSWORD, Role.ADMIN, jiangshan.getId());
        accounts.createInitialUser("js-staff", "项目实施人员", DEMO_PASSWORD, Role.STAFF, jiangshan.getId());
        accounts.createInitialUser("js-supervisor", "监督委员会成员", DEMO_PASSWORD, Role.SUPERVISOR, jiangshan.getId());
        accounts.createInitialUser("js-finance", "财务人员", DEMO_PASSWORD, Role.FINANCE, jiangshan.getId());
        var project = referenceProject.load(accounts.principalOf("js-admin"), LocalDate.now(clock));
        referenceProject.attendance(project.getId(), "js-staff", LocalDate.now(clock), ATTENDANCE_DAYS, clock.getZone());
        LocalDate today = LocalDate.now(clock);
        referenceTraining.load(accounts.principalOf("js-staff"), project.getId(), today);
        referenceCommittee.load(accounts.principalOf("js-admin"), project.getId(), today, ATTENDANCE_DAYS);
        publicSite.publish(accounts.principalOf("js-admin"), new PublicSiteService.PostForm(PostKind.JOB,
                "养殖设施组招工 10 人", "报名地点：前埠村村委会；需年满 16 周岁、身体健康，优先吸纳脱贫户和监测对象。请携带身份证和本人银行卡。",
                project.getId(), new java.math.BigDecimal("150.00"), today, today.plusDays(14)));
        publicSite.publish(accounts.principalOf("js-admin"), new PublicSiteService.PostForm(PostKind.POLICY,
                "以工代赈劳务报酬发放说明", "劳务报酬按核查通过的考勤计算，经公示、两名工友互证签字后，由银行直接发放到本人银行卡。对公示内容有异议的，请在公示期内向村委会反映。",
                null, null, null, null));
        // a draft payout batch of the approved days, when they fall inside one month
        LocalDate first = today.minusDays(ATTENDANCE_DAYS);
        LocalDate lastApproved = today.minusDays(ReferenceCommittee.LEFT_FOR_REVIEW + 1);
        if (java.time.YearMonth.from(first).equals(java.time.YearMonth.from(lastApproved))) {
            payouts.create(accounts.principalOf("js-staff"), project.getId(), first, lastApproved);
        }
    }
}
