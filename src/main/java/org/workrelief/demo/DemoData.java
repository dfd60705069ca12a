package org.workrelief.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.Town;
import org.workrelief.asset.AssetService;
import org.workrelief.attendance.PunchService;
import org.workrelief.common.db.OwnEmbeddedDatabaseCondition;
import org.workrelief.common.time.ApplicationClock;
import org.workrelief.payout.BankService;
import org.workrelief.payout.CallbackService;
import org.workrelief.payout.ConfirmationService;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.ConfirmationSheets;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectService;
import org.workrelief.publicsite.PostKind;
import org.workrelief.publicsite.PublicSiteService;
import org.workrelief.supervision.CommitteeService;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.team.TeamService;
import org.workrelief.training.TrainingService;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.RosterImportService;
import org.workrelief.worker.WorkerPins;

/**
 * Fills a new embedded database with the towns, demo accounts and the two Jiangshan projects described
 * in docs/demo-data.md: the reference project's whole history (built, paid, handed over, two years of
 * dividends) and a project under construction now. Runs once: a database that already has accounts
 * is left alone, so a restart keeps what users changed.
 */
@Component
@Order(10)
@Conditional(OwnEmbeddedDatabaseCondition.class)
class DemoData implements ApplicationRunner {

    /** The password of every demo account, printed in the README; never used outside the embedded database. */
    static final String DEMO_PASSWORD = "workrelief-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final ReferenceProject.Services services;
    private final PublicSiteService publicSite;
    private final DemoCommittee committee;
    private final PunchService punches;
    private final ApplicationClock clock;
    private final TransactionTemplate transaction;
    private final WorkerPins pins;
    private final org.workrelief.report.ProgressService progress;

    DemoData(AccountService accounts, ProjectService projects, TeamService teams, RosterImportService roster,
            EnrollmentService enrollments, TrainingService training, PayoutService payouts,
            PayoutBatches batches, ConfirmationService confirmations, ConfirmationSheets sheets, BankService bank, AssetService assets, PunchService punches,
            JdbcTemplate jdbc, CommitteeService committee, DutyRosterService duty, DailyReviewService reviews,
            PublicSiteService publicSite, ApplicationClock clock, PlatformTransactionManager transactionManager,
            WorkerPins pins, CallbackService callbacks, org.workrelief.report.ProgressService progress) {
        this.pins = pins;
        this.progress = progress;
        this.accounts = accounts;
        this.services = new ReferenceProject.Services(accounts, projects, teams, roster, enrollments, training, payouts,
                batches, confirmations, sheets, bank, assets, jdbc, callbacks);
        this.committee = new DemoCommittee(accounts, committee, duty, reviews);
        this.publicSite = publicSite;
        this.punches = punches;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasAnyUser()) {
            return;
        }
        long started = System.nanoTime();
        // All of it or none: a half-loaded demo would be skipped forever after.
        transaction.executeWithoutResult(status -> load());
        log.info("Demo data loaded in {} s: sign in as admin / {} (see README for the other accounts)",
                (System.nanoTime() - started) / 1_000_000_000, DEMO_PASSWORD);
    }

    void load() {
        LocalDate today = LocalDate.now(clock);
        // the accounts exist from before the reference project's history begins
        clock.replayAt(LocalDate.of(ReferenceProject.builtIn(today) - 1, 10, 8).atTime(9, 0), () -> {
            Town jiangshan = accounts.createInitialTown("JS", "姜山镇");
            accounts.createInitialTown("YS", "院上镇");
            accounts.createInitialUser("admin", "陈志强", DEMO_PASSWORD, Role.ADMIN, null);
            accounts.createInitialUser("js-admin", "赵建国", DEMO_PASSWORD, Role.ADMIN, jiangshan.getId());
            accounts.createInitialUser("js-staff", "孙丽华", DEMO_PASSWORD, Role.STAFF, jiangshan.getId());
            accounts.createInitialUser("js-supervisor", "张守义", DEMO_PASSWORD, Role.SUPERVISOR, jiangshan.getId());
            accounts.createInitialUser("js-supervisor2", "王德福", DEMO_PASSWORD, Role.SUPERVISOR, jiangshan.getId());
            accounts.createInitialUser("js-supervisor3", "李秀英", DEMO_PASSWORD, Role.SUPERVISOR, jiangshan.getId());
            accounts.createInitialUser("js-finance", "刘美玲", DEMO_PASSWORD, Role.FINANCE, jiangshan.getId());
        });
        DemoVillagers villagers = new DemoVillagers();
        List<DemoVillagers.Villager> people = villagers.generate(0, ReferenceProject.ENROLLED);
        RollCall rollCall = new RollCall(punches, services.jdbc(), clock, new Random(20250601L));
        Project reference = new ReferenceProject(services, clock).load(today, people, rollCall, committee);
        DemoProgress.enter(progress, accounts, clock, reference);
        Project live = new LiveProject(services, clock, pins).load(today, people.subList(0, 80), villagers.generate(1000, 30),
                rollCall, committee);
        new DemoSignBoards(services).fill();
        publicSite.publish(accounts.principalOf("js-admin"), new PublicSiteService.PostForm(PostKind.JOB,
                "衬砌砌筑组招工 10 人", "报名地点：前埠村村委会；需年满 16 周岁、身体健康，优先吸纳脱贫户和监测对象。请携带身份证和本人银行卡。",
                live.getId(), new BigDecimal("180.00"), today, today.plusDays(14)));
        publicSite.publish(accounts.principalOf("js-admin"), new PublicSiteService.PostForm(PostKind.POLICY,
                "以工代赈劳务报酬发放说明", "劳务报酬按核查通过的考勤计算，经公示、两名工友互证签字后，由银行直接发放到本人银行卡。对公示内容有异议的，请在公示期内向村委会反映。",
                null, null, null, null));
        DemoBankAccounts.templates(services.jdbc(), clock);
    }
}
