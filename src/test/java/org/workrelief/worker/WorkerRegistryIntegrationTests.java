package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.NotFoundException;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;

@IntegrationTest
class WorkerRegistryIntegrationTests {

    @Autowired
    WorkerService workers;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataProtector protector;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MutableClock clock;

    Town town;
    SignedInUser staff;

    @BeforeEach
    void setUp() {
        clock.reset();
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        staff = Principals.of(fixtures.user(Role.STAFF, town));
    }

    @Test
    void theDatabaseHoldsNoPlainIdOrCardNumber() {
        String id = TestNumbers.idNumber();
        String card = TestNumbers.bankCard();
        Worker worker = workers.register(staff, new WorkerForm(town.getId(), "王小明", id, "13800000000", "前埠村", null,
                null, HouseholdStatus.ORDINARY, null, "农业银行", card, 0)).worker();

        Map<String, Object> row = jdbc.queryForMap("select * from worker where id = ?", worker.getId());
        String wholeRow = row.values().toString();
        assertThat(wholeRow).doesNotContain(id).doesNotContain(card).doesNotContain(id.substring(6, 14) + id.substring(14));
        assertThat(protector.decrypt((String) row.get("id_number_cipher"))).isEqualTo(id);
        assertThat(protector.decrypt((String) row.get("bank_card_cipher"))).isEqualTo(card);
        assertThat(worker.getIdNumberMasked()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(worker.getBankCardMasked()).startsWith(card.substring(0, 4)).endsWith(card.substring(15)).contains("*");
        assertThat(auditLog.historyOf("Worker", worker.getId()).get(0).after()).doesNotContain(id).doesNotContain(card);
    }

    @Test
    void birthDateAndSexAreReadFromTheIdNumber() {
        String id = TestNumbers.idNumber(LocalDate.of(1980, 5, 17));
        Worker worker = workers.register(staff, RegistryFixtures.workerForm(town, id)).worker();
        assertThat(worker.getBirthDate()).isEqualTo(LocalDate.of(1980, 5, 17));
        assertThat(worker.getSex()).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    @Test
    void onePersonIsOneWorker() {
        String id = TestNumbers.idNumber();
        workers.register(staff, RegistryFixtures.workerForm(town, id));
        assertThatThrownBy(() -> workers.register(staff, RegistryFixtures.workerForm(town, id.toLowerCase())))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("worker.idNumber.registered"));
        assertThat(jdbc.queryForObject("select count(*) from worker where id_number_hash = ?", Long.class,
                protector.hash(id))).isEqualTo(1);
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        String bad = TestNumbers.withWrongCheck(TestNumbers.idNumber());
        assertThatThrownBy(() -> workers.register(staff, RegistryFixtures.workerForm(town, bad)))
                .hasMessageContaining("worker.idNumber.checkCharacter");
    }

    @Test
    void underSixteenIsRefusedOnTheDayBeforeTheBirthday() {
        LocalDate today = LocalDate.now(clock);
        String fifteen = TestNumbers.idNumber(today.minusYears(16).plusDays(1));
        assertThatThrownBy(() -> workers.register(staff, RegistryFixtures.workerForm(town, fifteen)))
                .hasMessageContaining("worker.age.tooYoung");
        String sixteen = TestNumbers.idNumber(today.minusYears(16));
        assertThat(workers.register(staff, RegistryFixtures.workerForm(town, sixteen)).aboveAgeWarning()).isFalse();
    }

    @Test
    void aboveTheConfiguredAgeIsRegisteredWithAWarning() {
        String elder = TestNumbers.idNumber(LocalDate.now(clock).minusYears(63));
        WorkerService.Registration registration = workers.register(staff, RegistryFixtures.workerForm(town, elder));
        assertThat(registration.aboveAgeWarning()).isTrue();
        assertThat(registration.age()).isEqualTo(63);
    }

    @Test
    void aBadBankCardIsRefusedAndNothingIsSaved() {
        String id = TestNumbers.idNumber();
        WorkerForm form = new WorkerForm(town.getId(), "王小明", id, "", "前埠村", null, null, HouseholdStatus.ORDINARY,
                null, "农业银行", "6222021234567890127", 0);
        assertThatThrownBy(() -> workers.register(staff, form)).hasMessageContaining("worker.bankCard.checkDigit");
        assertThat(workers.findByIdNumber(staff, id)).isEmpty();
    }

    @Test
    void aBankCardBelongsToOneWorkerOnly() {
        String card = TestNumbers.bankCard();
        workers.register(staff, new WorkerForm(town.getId(), "王小明", TestNumbers.idNumber(), "", "前埠村", null, null,
                HouseholdStatus.ORDINARY, null, "农业银行", card, 0));
        assertThatThrownBy(() -> workers.register(staff, new WorkerForm(town.getId(), "王大明", TestNumbers.idNumber(), "",
                "前埠村", null, null, HouseholdStatus.ORDINARY, null, "农业银行", card, 0)))
                .hasMessageContaining("worker.bankCard.registered");
    }

    @Test
    void minorityNamesWithAMiddleDotAreAcceptedAndOtherSymbolsAreNot() {
        WorkerForm dotted = new WorkerForm(town.getId(), "阿卜杜·热合曼", TestNumbers.idNumber(), "", "前埠村", null, null,
                HouseholdStatus.ORDINARY, null, null, null, 0);
        assertThat(workers.register(staff, dotted).worker().getName()).isEqualTo("阿卜杜·热合曼");
        WorkerForm digits = new WorkerForm(town.getId(), "王2", TestNumbers.idNumber(), "", "前埠村", null, null,
                HouseholdStatus.ORDINARY, null, null, null, 0);
        assertThatThrownBy(() -> workers.register(staff, digits)).hasMessageContaining("worker.name.format");
    }

    @Test
    void aWorkerIsFoundByTheirExactIdNumberWithoutDecryptingAnything() {
        String id = TestNumbers.idNumber();
        Worker worker = workers.register(staff, RegistryFixtures.workerForm(town, id)).worker();
        assertThat(workers.search(staff, id, PageRequest.of(0, 10)).getContent()).extracting(Worker::getId)
                .containsExactly(worker.getId());
        assertThat(workers.search(staff, id.substring(0, 17), PageRequest.of(0, 10)).getContent())
                .extracting(Worker::getId).doesNotContain(worker.getId());
        assertThat(workers.search(staff, worker.getWorkerCode(), PageRequest.of(0, 10)).getContent())
                .extracting(Worker::getId).containsExactly(worker.getId());
    }

    @Test
    void anotherTownsWorkerIsNotFound() {
        Fixtures fixtures = new Fixtures(accounts);
        Town other = fixtures.town();
        SignedInUser otherStaff = Principals.of(fixtures.user(Role.STAFF, other));
        String id = TestNumbers.idNumber();
        Worker worker = workers.register(otherStaff, RegistryFixtures.workerForm(other, id)).worker();

        assertThatThrownBy(() -> workers.get(staff, worker.getId())).isInstanceOf(NotFoundException.class);
        assertThat(workers.search(staff, id, PageRequest.of(0, 10))).isEmpty();
        assertThatThrownBy(() -> workers.register(staff, RegistryFixtures.workerForm(other, TestNumbers.idNumber())))
                .hasMessageContaining("worker.town.notYours");
    }

    @Test
    void editingWithAnEmptyIdNumberKeepsTheStoredOne() {
        String id = TestNumbers.idNumber();
        Worker worker = workers.register(staff, RegistryFixtures.workerForm(town, id)).worker();
        WorkerForm form = workers.formOf(staff, worker.getId());
        assertThat(form.idNumber()).isEmpty();
        assertThat(form.bankCard()).isEmpty();
        workers.update(staff, worker.getId(), new WorkerForm(form.townId(), "王大明", "", form.phone(), form.village(),
                form.villageGroup(), "H9", form.householdStatus(), form.skills(), form.bankName(), "", form.version()));
        assertThat(workers.findByIdNumber(staff, id)).get().satisfies(w -> {
            assertThat(w.getName()).isEqualTo("王大明");
            assertThat(w.getHouseholdNo()).isEqualTo("H9");
            assertThat(w.getBankCardMasked()).isEqualTo(worker.getBankCardMasked());
        });
    }

    @Test
    void aPhoneNumberAnotherWorkerOfTheTownHasIsRegisteredWithAWarningNamingThem() {
        String phone = TestNumbers.phone();
        Worker first = workers.register(staff, withPhone("王小明", phone)).worker();
        Fixtures fixtures = new Fixtures(accounts);
        Town elsewhere = fixtures.town();
        workers.register(Principals.of(fixtures.user(Role.STAFF, elsewhere)), new WorkerForm(elsewhere.getId(), "外镇人",
                TestNumbers.idNumber(), phone, "后埠村", null, null, HouseholdStatus.ORDINARY, null, null, "", 0));

        WorkerService.Registration second = workers.register(staff, withPhone("王大明", phone));

        assertThat(second.worker().getId()).isNotNull();
        WorkerService.SharedPhone shared = second.sharedPhone();
        assertThat(shared.shared()).isTrue();
        assertThat(shared.others()).extracting(WorkerService.PhonePeer::workerId).containsExactly(first.getId());
        assertThat(shared.messageArgs()).containsExactly(phone.substring(0, 3) + "****" + phone.substring(7), 1,
                "王小明（" + first.getWorkerCode() + "）");
        // a third with the same phone is told of both; someone with their own phone, or none, of nobody
        assertThat(workers.register(staff, withPhone("王三明", phone)).sharedPhone().others()).hasSize(2);
        assertThat(workers.register(staff, withPhone("李四", TestNumbers.phone())).sharedPhone().shared()).isFalse();
        assertThat(workers.register(staff, withPhone("李五", "")).sharedPhone().shared()).isFalse();
    }

    @Test
    void changingAPhoneNumberToAnotherWorkersWarnsAndSavingWithoutChangingItDoesNot() {
        String phone = TestNumbers.phone();
        Worker first = workers.register(staff, withPhone("王小明", phone)).worker();
        Worker second = workers.register(staff, withPhone("王大明", TestNumbers.phone())).worker();

        WorkerService.Edited changed = workers.update(staff, second.getId(), edited(second, phone));
        assertThat(changed.worker().getPhone()).isEqualTo(phone);
        assertThat(changed.sharedPhone().others()).extracting(WorkerService.PhonePeer::code)
                .containsExactly(first.getWorkerCode());

        WorkerService.Edited again = workers.update(staff, second.getId(), edited(second, phone));
        assertThat(again.sharedPhone().shared()).isFalse();
    }

    @Test
    void aBankCardOfAnotherWorkerIsRefusedOnEditTooAndTheDatabaseHoldsToIt() {
        String card = TestNumbers.bankCard();
        workers.register(staff, new WorkerForm(town.getId(), "王小明", TestNumbers.idNumber(), "", "前埠村", null, null,
                HouseholdStatus.ORDINARY, null, "农业银行", card, 0));
        Worker other = workers.register(staff, RegistryFixtures.workerForm(town, TestNumbers.idNumber())).worker();
        WorkerForm form = workers.formOf(staff, other.getId());
        assertThatThrownBy(() -> workers.update(staff, other.getId(), new WorkerForm(form.townId(), form.name(), "",
                form.phone(), form.village(), form.villageGroup(), form.householdNo(), form.householdStatus(), form.skills(),
                form.bankName(), card, form.version())))
                .hasMessageContaining("worker.bankCard.registered");
        assertThatThrownBy(() -> jdbc.update("update worker set bank_card_hash = ? where id = ?", protector.hash(card),
                other.getId())).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void aPhoneSharedByManyNamesTheFirstFiveAndCountsThemAll() {
        java.util.List<WorkerService.PhonePeer> six = java.util.stream.LongStream.rangeClosed(1, 6)
                .mapToObj(n -> new WorkerService.PhonePeer(n, "王" + n, "JS00000" + n)).toList();
        assertThat(new WorkerService.SharedPhone("139****0001", six).messageArgs()).containsExactly("139****0001", 6,
                "王1（JS000001）、王2（JS000002）、王3（JS000003）、王4（JS000004）、王5（JS000005）……");
    }

    private WorkerForm withPhone(String name, String phone) {
        return new WorkerForm(town.getId(), name, TestNumbers.idNumber(), phone, "前埠村", null, null,
                HouseholdStatus.ORDINARY, null, null, "", 0);
    }

    private WorkerForm edited(Worker worker, String phone) {
        WorkerForm form = workers.formOf(staff, worker.getId());
        return new WorkerForm(form.townId(), form.name(), "", phone, form.village(), form.villageGroup(), form.householdNo(),
                form.householdStatus(), form.skills(), form.bankName(), "", form.version());
    }
}
