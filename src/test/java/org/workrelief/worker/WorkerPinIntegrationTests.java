package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditEntry;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;

/**
 * The worker's PIN (确认码): set by the worker, checked by {@link WorkerPins#verify}, locked after wrong
 * PINs, reset only by an administrator of the worker's town.
 */
@IntegrationTest
class WorkerPinIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 3);
    static final String PIN = "583071";
    static final String OTHER_PIN = "602417";
    static final String WRONG = "739152";

    @Autowired WorkerPins pins;
    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired MutableClock clock;
    @Autowired AuditLog auditLog;
    @Autowired PlatformTransactionManager transactions;

    ActiveProject site;
    Worker worker;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        clock.reset();
        site = ActiveProject.create(accounts, projects, registry, TODAY);
        worker = site.worker();
        fixtures = new Fixtures(accounts);
        pins.set(site.staff(), worker.getId(), new PinForm("", PIN, PIN));
    }

    @Test
    void theRightPinAnswersTheWorker() {
        assertThat(pins.verify(site.staff(), worker.getWorkerCode(), PIN).getId()).isEqualTo(worker.getId());
        assertThat(pins.verify(site.staff(), worker.getWorkerCode().toLowerCase(), PIN).getId()).isEqualTo(worker.getId());
    }

    @Test
    void fiveWrongPinsLockItForFifteenMinutesInWhichEvenTheRightOneIsRefused() {
        for (int left = 4; left >= 1; left--) {
            assertRefused(() -> verify(WRONG), "worker.pin.wrong", left, 15L);
        }
        // the fifth, at 09:00 like the others: locked to 09:15
        assertRefused(() -> verify(WRONG), "worker.pin.locked", "2025-06-03 09:15");
        assertRefused(() -> verify(PIN), "worker.pin.locked", "2025-06-03 09:15");
        assertThat(pins.statusOf(site.admin(), worker.getId()).lockedUntil()).hasToString("2025-06-03T09:15");

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertRefused(() -> verify(PIN), "worker.pin.locked", "2025-06-03 09:15");

        clock.advance(Duration.ofSeconds(1));
        assertThat(verify(PIN).getId()).isEqualTo(worker.getId());
        assertThat(pins.statusOf(site.admin(), worker.getId()).locked()).isFalse();

        // every failure and the lock are in the worker's history, with the device's user
        List<AuditEntry> history = auditLog.historyOf("Worker", worker.getId());
        assertThat(history).filteredOn(e -> e.action().equals("WORKER_PIN_FAILED")).hasSize(7)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo(site.staff().getUsername()));
        assertThat(history).filteredOn(e -> e.action().equals("WORKER_PIN_LOCKED")).singleElement()
                .satisfies(e -> assertThat(e.after()).contains("2025-06-03 09:15"));
    }

    @Test
    void wrongPinsOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 4; i++) {
            assertRefused(() -> verify(WRONG), "worker.pin.wrong", 4 - i, 15L);
        }
        clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            assertRefused(() -> verify(WRONG), "worker.pin.wrong", 4 - i, 15L);
        }
        assertThat(verify(PIN).getId()).isEqualTo(worker.getId());
    }

    @Test
    void theRightPinClearsTheWrongOnesBefore() {
        for (int i = 0; i < 4; i++) {
            assertRefused(() -> verify(WRONG), "worker.pin.wrong", 4 - i, 15L);
        }
        verify(PIN);
        assertRefused(() -> verify(WRONG), "worker.pin.wrong", 4, 15L);
    }

    @Test
    void aWrongPinCountsEvenWhenTheCallersTransactionRollsBack() {
        TransactionTemplate caller = new TransactionTemplate(transactions);
        caller.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> verify(WRONG)).isInstanceOf(BusinessRuleException.class);
            }
            status.setRollbackOnly();
        });
        assertRefused(() -> verify(PIN), "worker.pin.locked", "2025-06-03 09:15");
        assertThat(auditLog.historyOf("Worker", worker.getId())).extracting(AuditEntry::action)
                .contains("WORKER_PIN_LOCKED");
    }

    @Test
    void onlyAnAdministratorResetsAPin() {
        for (Role role : new Role[] { Role.STAFF, Role.SUPERVISOR, Role.FINANCE }) {
            SignedInUser someone = Principals.of(fixtures.user(role, site.town()));
            assertThatThrownBy(() -> pins.reset(someone, worker.getId(), "忘记了")).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(verify(PIN).getId()).isEqualTo(worker.getId());
        assertThat(auditLog.historyOf("Worker", worker.getId())).extracting(AuditEntry::action)
                .doesNotContain("WORKER_PIN_RESET");
    }

    @Test
    void anAdministratorOfAnotherTownDoesNotFindTheWorkerButTheCountysDoes() {
        SignedInUser elsewhere = Principals.of(fixtures.user(Role.ADMIN, fixtures.town()));
        assertThatThrownBy(() -> pins.reset(elsewhere, worker.getId(), "忘记了")).isInstanceOf(NotFoundException.class);
        assertRefusedFor(elsewhere, "worker.pin.unknownWorker");

        SignedInUser county = Principals.of(fixtures.user(Role.ADMIN, null));
        pins.reset(county, worker.getId(), "本人忘记确认码，持身份证到镇便民服务中心申请");
        assertRefused(() -> verify(PIN), "worker.pin.wasReset", worker.getName());
    }

    @Test
    void afterAResetTheOldPinFailsUntilTheWorkerSetsANewOne() {
        assertRefused(() -> pins.reset(site.admin(), worker.getId(), "  "), "worker.pin.reset.reasonRequired");

        pins.reset(site.admin(), worker.getId(), "本人忘记确认码，持身份证到镇便民服务中心申请");
        assertRefused(() -> verify(PIN), "worker.pin.wasReset", worker.getName());
        PinStatus status = pins.statusOf(site.staff(), worker.getId());
        assertThat(status.set()).isFalse();
        assertThat(status.reset()).isTrue();
        assertThat(auditLog.historyOf("Worker", worker.getId())).filteredOn(e -> e.action().equals("WORKER_PIN_RESET"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(site.admin().getUsername());
                    assertThat(e.detail()).isEqualTo("本人忘记确认码，持身份证到镇便民服务中心申请");
                });

        // nothing to reset any more; a new PIN needs no current one
        assertRefused(() -> pins.reset(site.admin(), worker.getId(), "再次重置"), "worker.pin.reset.nothing");
        pins.set(site.staff(), worker.getId(), new PinForm("", OTHER_PIN, OTHER_PIN));
        assertRefused(() -> verify(PIN), "worker.pin.wrong", 4, 15L);
        assertThat(verify(OTHER_PIN).getId()).isEqualTo(worker.getId());
    }

    @Test
    void aResetLiftsTheLock() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> verify(WRONG)).isInstanceOf(BusinessRuleException.class);
        }
        pins.reset(site.admin(), worker.getId(), "输错锁定，本人到场核实身份");
        pins.set(site.staff(), worker.getId(), new PinForm("", OTHER_PIN, OTHER_PIN));
        assertThat(verify(OTHER_PIN).getId()).isEqualTo(worker.getId());
    }

    @Test
    void changingAPinNeedsTheCurrentOneAndAWrongOneCounts() {
        assertRefused(() -> pins.set(site.staff(), worker.getId(), new PinForm("", OTHER_PIN, OTHER_PIN)),
                "worker.pin.currentRequired");
        assertRefused(() -> pins.set(site.staff(), worker.getId(), new PinForm(WRONG, OTHER_PIN, OTHER_PIN)),
                "worker.pin.wrong", 4, 15L);
        assertRefused(() -> pins.set(site.staff(), worker.getId(), new PinForm(PIN, PIN, PIN)), "worker.pin.unchanged");

        pins.set(site.staff(), worker.getId(), new PinForm(PIN, OTHER_PIN, OTHER_PIN));
        assertRefused(() -> verify(PIN), "worker.pin.wrong", 4, 15L);
        assertThat(verify(OTHER_PIN).getId()).isEqualTo(worker.getId());
    }

    @Test
    void trivialPinsAndTwoDifferentEntriesAreRefused() {
        Worker fresh = site.addWorker(registry, TODAY.minusDays(10), TODAY.plusDays(30));
        String birthYear = String.valueOf(fresh.getBirthDate().getYear());
        assertRefused(() -> setFor(fresh, "777777"), "worker.pin.sameDigits");
        assertRefused(() -> setFor(fresh, "123456"), "worker.pin.sequence");
        assertRefused(() -> setFor(fresh, "654321"), "worker.pin.sequence");
        assertRefused(() -> setFor(fresh, "474747"), "worker.pin.repeated");
        assertRefused(() -> setFor(fresh, "00" + birthYear), "worker.pin.birthDate");
        assertRefused(() -> setFor(fresh, fresh.getBirthDate().format(java.time.format.DateTimeFormatter.ofPattern("MMdd")) + "99"),
                "worker.pin.birthDate");
        // six digits in a row of the worker's own phone number (the fixtures' numbers start 139000)
        assertRefused(() -> setFor(fresh, fresh.getPhone().substring(0, 6)), "worker.pin.personalNumber");
        assertRefused(() -> setFor(fresh, "12345"), "worker.pin.format");
        assertRefused(() -> pins.set(site.staff(), fresh.getId(), new PinForm("", PIN, OTHER_PIN)), "worker.pin.mismatch");
        assertThat(pins.statusOf(site.staff(), fresh.getId()).set()).isFalse();
        assertRefused(() -> pins.verify(site.staff(), fresh.getWorkerCode(), PIN), "worker.pin.notSet", fresh.getName());
    }

    @Test
    void onlyTheRegistrysKeepersSetAPin() {
        SignedInUser supervisor = Principals.of(fixtures.user(Role.SUPERVISOR, site.town()));
        assertThatThrownBy(() -> pins.set(supervisor, worker.getId(), new PinForm(PIN, OTHER_PIN, OTHER_PIN)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private Worker verify(String pin) {
        return pins.verify(site.staff(), worker.getWorkerCode(), pin);
    }

    private void setFor(Worker someone, String pin) {
        pins.set(site.staff(), someone.getId(), new PinForm("", pin, pin));
    }

    private void assertRefusedFor(SignedInUser device, String key) {
        assertRefused(() -> pins.verify(device, worker.getWorkerCode(), PIN), key, worker.getWorkerCode());
    }

    private static void assertRefused(Runnable step, String key, Object... args) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
            assertThat(refused.getMessageKey()).isEqualTo(key);
            assertThat(refused.getArgs()).containsExactly(args);
        });
    }
}
