package org.workrelief.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.common.audit.AuditEntry;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.Worker;

@IntegrationTest
class PunchServiceIntegrationTests {

    @Autowired
    PunchService punches;

    @Autowired
    AttendanceLocks locks;

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    EnrollmentService enrollments;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditLog auditLog;

    ActiveProject site;
    LocalDate today;

    @BeforeEach
    void setUp() {
        clock.reset();
        clock.set(at(LocalDate.of(2025, 6, 3), 23, 30)); // late evening: the whole day's sign-ins are in the past
        today = LocalDate.of(2025, 6, 3);
        site = ActiveProject.create(accounts, projects, registry, today);
    }

    @Test
    void aMorningSignInIsStoredAsTheDaysAmSlot() {
        PunchResult result = punch(site.worker(), at(today, 7, 58));
        assertThat(result.created()).isTrue();
        assertThat(result.day()).isEqualTo(today);
        assertThat(result.slot()).isEqualTo(Slot.AM);
        assertThat(result.flags()).isEmpty();
    }

    @Test
    void aRepeatInTheSameSlotIsIdempotentAndTheFirstStands() {
        punch(site.worker(), at(today, 7, 58));
        PunchResult again = punch(site.worker(), at(today, 8, 30));
        assertThat(again.created()).isFalse();
        assertThat(again.punchedAt()).isEqualTo(at(today, 7, 58));
        assertThat(countPunches(site.worker())).isEqualTo(1);
    }

    @Test
    void slotsFollowTheWindowsAtTheirEdges() {
        Worker a = site.addWorker(registry, today.minusDays(1), today.plusDays(1));
        Worker b = site.addWorker(registry, today.minusDays(1), today.plusDays(1));
        assertThat(punch(a, at(today, 5, 0)).slot()).isEqualTo(Slot.AM);
        assertThat(punch(a, LocalDateTime.of(today, java.time.LocalTime.of(11, 59, 59)).atZone(MutableClock.ZONE).toInstant()).created()).isFalse();
        assertThat(punch(b, at(today, 12, 0)).slot()).isEqualTo(Slot.PM);
        assertRefused(() -> punch(b, at(today, 4, 59)), Refusal.OUTSIDE_SLOT_WINDOWS);
        assertRefused(() -> punch(b, at(today, 21, 0)), Refusal.OUTSIDE_SLOT_WINDOWS);
    }

    @Test
    void theDayAndSlotAreThoseOfTheProjectsZoneNotUtc() {
        // 23:30 UTC on 2 June is 07:30 on 3 June in Shanghai
        PunchResult result = punch(site.worker(), Instant.parse("2025-06-02T23:30:00Z"));
        assertThat(result.day()).isEqualTo(today);
        assertThat(result.slot()).isEqualTo(Slot.AM);
    }

    @Test
    void aWorkerOfAnotherProjectIsRefused() {
        ActiveProject other = ActiveProject.create(accounts, projects, registry, today);
        assertRefused(() -> punches.punch(PunchRequest.byWorkerCode(site.project().getId(), other.worker().getWorkerCode(),
                at(today, 8, 0), PunchSource.DEVICE, "gate-1", "device:gate", null, null)), Refusal.WORKER_OF_ANOTHER_PROJECT);
        assertRefused(() -> punches.punch(PunchRequest.byWorkerCode(site.project().getId(), "NOSUCH000001",
                at(today, 8, 0), PunchSource.DEVICE, "gate-1", "device:gate", null, null)), Refusal.UNKNOWN_WORKER);
    }

    @Test
    void aPersonSignsInOncePerHalfDayWhateverTheProject() {
        org.workrelief.project.Project second = registry.project(site.admin(), site.town());
        org.workrelief.team.WorkTeam team = registry.team(site.admin(), second, "运输组");
        registry.enroll(site.staff(), second, team, site.worker(), today.minusDays(5), today.plusDays(5));
        projects.advance(site.admin(), second.getId(), org.workrelief.project.ProjectStatus.RECRUITING);
        projects.advance(site.admin(), second.getId(), org.workrelief.project.ProjectStatus.UNDER_CONSTRUCTION);
        punch(site.worker(), at(today, 7, 58));
        assertRefused(() -> punches.punch(PunchRequest.byWorkerId(second.getId(), site.worker().getId(), at(today, 8, 5),
                PunchSource.ROLL_CALL, "staff")), Refusal.SIGNED_IN_ON_ANOTHER_PROJECT);
        assertThat(punches.punch(PunchRequest.byWorkerId(second.getId(), site.worker().getId(), at(today, 14, 0),
                PunchSource.ROLL_CALL, "staff")).created()).isTrue();
    }

    @Test
    void aRepeatAfterTheDayWasApprovedStillAnswersAlreadySignedIn() {
        punch(site.worker(), at(today, 7, 58));
        locks.lock(site.project().getId(), today, "supervisor");
        PunchResult again = punch(site.worker(), at(today, 7, 58));
        assertThat(again.created()).isFalse();
        assertRefused(() -> punch(site.worker(), at(today, 16, 0)), Refusal.DAY_APPROVED);
    }

    @Test
    void eligibilityIsJudgedForTheDayOfTheSignInNotForToday() {
        assertRefused(() -> punch(site.worker(), at(today.minusDays(41), 8, 0)), Refusal.NOT_YET_ENROLLED);
        enrollments.leave(site.staff(), site.enrollment().getId()); // leaves today
        // a terminal sending yesterday's sign-in late: the worker was still on the project then
        assertThat(punch(site.worker(), at(today.minusDays(1), 8, 0)).created()).isTrue();
        assertRefused(() -> punch(site.worker(), at(today, 8, 0)), Refusal.ENROLLMENT_LEFT);
    }

    @Test
    void aWorkerWhoLeftIsRefused() {
        enrollments.leave(site.staff(), site.enrollment().getId());
        assertRefused(() -> punch(site.worker(), at(today, 8, 0)), Refusal.ENROLLMENT_LEFT);
        assertThat(countPunches(site.worker())).isZero();
    }

    @Test
    void aWorkerWithoutASignedContractIsRefused() {
        Worker unpapered = site.addWorker(registry, null, today);
        assertRefused(() -> punch(unpapered, at(today, 8, 0)), Refusal.NO_CONTRACT);
    }

    @Test
    void insuranceMustBeValidOnTheDayOfTheSignIn() {
        Worker expired = site.addWorker(registry, today.minusDays(30), today.minusDays(1));
        assertRefused(() -> punch(expired, at(today, 8, 0)), Refusal.INSURANCE_NOT_VALID);
        Worker startsTomorrow = site.addWorker(registry, today.plusDays(1), today.plusDays(30));
        assertRefused(() -> punch(startsTomorrow, at(today, 8, 0)), Refusal.INSURANCE_NOT_VALID);
        Worker lastDay = site.addWorker(registry, today.minusDays(30), today);
        assertThat(punch(lastDay, at(today, 8, 0)).created()).isTrue();
    }

    @Test
    void aSignInInTheFutureIsRefusedBeyondTheClockTolerance() {
        clock.set(at(today, 8, 0));
        assertRefused(() -> punch(site.worker(), at(today, 8, 3)), Refusal.FUTURE_TIME);
        assertThat(punch(site.worker(), at(today, 8, 1)).created()).isTrue();
    }

    @Test
    void anApprovedDayAcceptsNoSignIn() {
        locks.lock(site.project().getId(), today, "supervisor");
        assertRefused(() -> punch(site.worker(), at(today, 8, 0)), Refusal.DAY_APPROVED);
        locks.unlock(site.project().getId(), today, "admin", "correction");
        assertThat(punch(site.worker(), at(today, 8, 0)).created()).isTrue();
    }

    @Test
    void aProjectNotUnderConstructionAcceptsNoSignIn() {
        Project planned = registry.project(site.admin(), site.town());
        assertRefused(() -> punches.punch(PunchRequest.byWorkerId(planned.getId(), site.worker().getId(), at(today, 8, 0),
                PunchSource.ROLL_CALL, "staff")), Refusal.PROJECT_NOT_ACTIVE);
    }

    @Test
    void anAfternoonSignInLessThanFourHoursAfterTheMorningIsKeptButFlagged() {
        punch(site.worker(), at(today, 9, 0));
        PunchResult pm = punch(site.worker(), at(today, 12, 59));
        assertThat(pm.created()).isTrue();
        assertThat(pm.flags()).containsExactly("PM_TOO_SOON");

        Worker other = site.addWorker(registry, today.minusDays(1), today.plusDays(1));
        punch(other, at(today, 8, 0));
        assertThat(punch(other, at(today, 12, 0)).flags()).isEmpty();
    }

    @Test
    void anAfternoonSignInThatArrivedBeforeItsMorningIsFlaggedToo() {
        punch(site.worker(), at(today, 12, 30));
        punch(site.worker(), at(today, 11, 0));
        assertThat(jdbc.queryForObject("select flag_too_soon from punch where worker_id = ? and slot = 'PM'",
                Boolean.class, site.worker().getId())).isTrue();
    }

    /**
     * Outside any transaction, a new sign-in's locks and writes are one transaction of their own, sent
     * in one round trip: the flag a morning sign-in puts on an earlier afternoon one is written by the
     * transaction that wrote the morning row. Were the driver to commit the statements one by one, the
     * locks taken by the first would be gone before the writes that they guard.
     */
    @Test
    void aNewSignInsLocksAndWritesAreOneTransaction() {
        punch(site.worker(), at(today, 12, 30));
        punch(site.worker(), at(today, 11, 0));
        assertThat(jdbc.queryForObject("""
                select am.xmin::text = pm.xmin::text
                from punch am join punch pm on pm.worker_id = am.worker_id and pm.work_date = am.work_date and pm.slot = 'PM'
                where am.worker_id = ? and am.slot = 'AM'
                """, Boolean.class, site.worker().getId())).isTrue();
    }

    @Test
    void aSignInAwayFromTheWorksiteIsKeptButFlagged() {
        ProjectForm f = projects.formOf(site.admin(), site.project().getId());
        projects.update(site.admin(), site.project().getId(), new ProjectForm(f.code(), f.name(), f.townId(), f.villages(),
                f.location(), new BigDecimal("36.805200"), new BigDecimal("120.471900"), 500, f.entityName(), f.entityKind(),
                f.entityCreditCode(), f.contractingMode(), f.councilResolutionDate(), f.councilResolutionRef(),
                f.townApprovalRef(), f.centralFunds(), f.localFunds(), f.socialCapital(), f.plannedRemuneration(),
                f.plannedWorkers(), f.plannedTrainees(), f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(),
                null, f.version()));
        PunchResult near = punches.punch(PunchRequest.byWorkerCode(site.project().getId(), site.worker().getWorkerCode(),
                at(today, 8, 0), PunchSource.DEVICE, "gate", "device:gate", new BigDecimal("36.807"), new BigDecimal("120.4725")));
        assertThat(near.outsideWorksite()).isFalse();
        PunchResult far = punches.punch(PunchRequest.byWorkerCode(site.project().getId(), site.worker().getWorkerCode(),
                at(today, 16, 0), PunchSource.DEVICE, "gate", "device:gate", new BigDecimal("36.85"), new BigDecimal("120.47")));
        assertThat(far.flags()).containsExactly("OUTSIDE_WORKSITE");
    }

    @Test
    void identicalSignInsArrivingTogetherStoreOneRecord() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<PunchResult>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> punch(site.worker(), at(today, 7, 30)));
            }
            List<Future<PunchResult>> results = pool.invokeAll(calls);
            int created = 0;
            for (Future<PunchResult> result : results) {
                created += result.get().created() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(countPunches(site.worker())).isEqualTo(1);
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void everyStoredSignInIsAudited() {
        punch(site.worker(), at(today, 7, 58));
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_log a join punch p on a.entity_id = p.id::text
                where a.entity_type = 'Punch' and p.worker_id = ?""", Long.class, site.worker().getId())).isEqualTo(1);
    }

    @Test
    void aFlagPutOnAnEarlierAfternoonSignInIsAuditedAsAChangeOfThatRecord() {
        punch(site.worker(), at(today, 12, 30));
        punch(site.worker(), at(today, 11, 0));
        long pm = punchId(site.worker(), "PM");
        List<AuditEntry> history = auditLog.historyOf("Punch", pm);
        assertThat(history).extracting(AuditEntry::action).containsExactly("PUNCH_RECORDED", "PUNCH_FLAGGED");
        AuditEntry flagged = history.get(1);
        assertThat(flagged.actor()).isEqualTo("device:gate-1");
        assertThat(flagged.townId()).isEqualTo(site.project().getTownId());
        assertThat(flagged.before()).isEqualTo("{\"pmTooSoon\": false}");
        assertThat(flagged.after()).isEqualTo("{\"pmTooSoon\": true}");
        assertThat(flagged.detail()).isEqualTo("AM sign-in arrived after the PM one");
        assertThat(jdbc.queryForObject("select version from punch where id = ?", Long.class, pm)).isEqualTo(1);
        assertThat(auditLog.historyOf("Punch", punchId(site.worker(), "AM"))).extracting(AuditEntry::action)
                .containsExactly("PUNCH_RECORDED");
    }

    @Test
    void anAfternoonSignInFlaggedAsItIsStoredHasOnlyItsRecordedAuditRow() {
        punch(site.worker(), at(today, 9, 0));
        punch(site.worker(), at(today, 12, 59));
        long pm = punchId(site.worker(), "PM");
        List<AuditEntry> history = auditLog.historyOf("Punch", pm);
        assertThat(history).extracting(AuditEntry::action).containsExactly("PUNCH_RECORDED");
        AuditEntry recorded = history.get(0);
        assertThat(recorded.actor()).isEqualTo("device:gate-1");
        assertThat(recorded.townId()).isEqualTo(site.project().getTownId());
        assertThat(recorded.before()).isNull();
        assertThat(recorded.after()).contains("\"workerId\": " + site.worker().getId(), "\"day\": \"2025-06-03\"",
                "\"slot\": \"PM\"", "\"source\": \"DEVICE\"", "\"punchedAt\": \"" + at(today, 12, 59) + "\"");
        assertThat(recorded.detail()).isEqualTo("gate-1");
        assertThat(jdbc.queryForObject("select flag_too_soon from punch where id = ?", Boolean.class, pm)).isTrue();
        assertThat(jdbc.queryForObject("select version from punch where id = ?", Long.class, pm)).isEqualTo(1);
    }

    private long punchId(Worker worker, String slot) {
        return jdbc.queryForObject("select id from punch where worker_id = ? and slot = ?", Long.class, worker.getId(),
                slot);
    }

    private PunchResult punch(Worker worker, Instant at) {
        return punches.punch(PunchRequest.byWorkerCode(site.project().getId(), worker.getWorkerCode(), at,
                PunchSource.DEVICE, "gate-1", "device:gate-1", null, null));
    }

    private long countPunches(Worker worker) {
        return jdbc.queryForObject("select count(*) from punch where worker_id = ?", Long.class, worker.getId());
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(MutableClock.ZONE).toInstant();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Refusal refusal) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PunchRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

}
