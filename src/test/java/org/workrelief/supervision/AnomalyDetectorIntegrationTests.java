package org.workrelief.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.workrelief.attendance.AttendanceImportService;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.EnrollmentForm;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.RecruitmentSource;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerForm;
import org.workrelief.worker.WorkerService;

/** Each anomaly the daily review shows: a day that triggers it and one that does not. */
@IntegrationTest
class AnomalyDetectorIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 3);

    @Autowired SupervisedSites sites;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired AnomalyDetector detector;
    @Autowired MutableClock clock;
    @Autowired EnrollmentService enrollments;
    @Autowired WorkerService workers;
    @Autowired AttendanceImportService importer;

    SupervisedSite s;
    Worker worker;

    @BeforeEach
    void setUp() {
        clock.set(SupervisedSite.at(DAY, 22, 0, 0));
        s = sites.create(DAY);
        worker = s.site().worker();
    }

    @Test
    void oneSignInIsAHalfDayAndTwoAreNot() {
        Worker other = s.addWorker(registry);
        s.device(worker, 7, 58);
        s.fullDay(other, DAY);
        assertThat(kinds()).containsExactly(AnomalyKind.HALF_DAY);
        assertThat(anomalies().get(0).workerIds()).containsExactly(worker.getId());
        DayFindings findings = detector.findings(s.projectId(), DAY);
        assertThat(findings.present()).isEqualTo(2);
        assertThat(findings.full()).isEqualTo(1);
        assertThat(findings.half()).isEqualTo(1);
    }

    @Test
    void anAfternoonSignInSoonAfterTheMorningIsFoundAndALaterOneIsNot() {
        Worker other = s.addWorker(registry);
        s.device(worker, 9, 0);
        s.device(worker, 12, 5); // 3 h 5 min later: under the 4-hour gap
        s.device(other, 7, 58);
        s.device(other, 17, 0);
        assertThat(anomalies()).extracting(Anomaly::key).containsExactly("PM_TOO_SOON:w" + worker.getId());
    }

    @Test
    void aSignInAwayFromTheSiteIsFoundAndOneOnSiteIsNot() {
        ProjectForm f = projects.formOf(s.site().admin(), s.projectId());
        projects.update(s.site().admin(), s.projectId(), new ProjectForm(f.code(), f.name(), f.townId(), f.villages(),
                f.location(), new BigDecimal("36.805200"), new BigDecimal("120.471900"), 500, f.entityName(), f.entityKind(),
                f.entityCreditCode(), f.contractingMode(), f.councilResolutionDate(), f.councilResolutionRef(),
                f.townApprovalRef(), f.centralFunds(), f.localFunds(), f.socialCapital(), f.plannedRemuneration(),
                f.plannedWorkers(), f.plannedTrainees(), f.incomeTargetPerWorker(), f.startDate(), f.plannedCompletion(),
                null, f.version()));
        Worker other = s.addWorker(registry);
        s.deviceAt(worker, 7, 58, new BigDecimal("36.807"), new BigDecimal("120.4725"));
        s.deviceAt(worker, 17, 0, new BigDecimal("36.85"), new BigDecimal("120.47"));
        s.deviceAt(other, 7, 58, new BigDecimal("36.807"), new BigDecimal("120.4725"));
        s.deviceAt(other, 17, 0, new BigDecimal("36.806"), new BigDecimal("120.472"));
        assertThat(anomalies()).extracting(Anomaly::key).containsExactly("OUTSIDE_SITE:w" + worker.getId());
    }

    @Test
    void tenWorkersOnOneTerminalWithinAMinuteAreABurst() {
        List<Worker> crew = crew(10);
        for (int i = 0; i < crew.size(); i++) {
            s.device(crew.get(i), DAY, 7, 58, i * 5, "gate-1"); // 10 people in 45 seconds
        }
        List<Anomaly> bursts = anomalies().stream().filter(a -> a.kind() == AnomalyKind.DEVICE_BURST).toList();
        assertThat(bursts).hasSize(1);
        assertThat(bursts.get(0).workerIds()).hasSize(10);
        assertThat(bursts.get(0).detail()).contains("gate-1", 10, "07:58:00", "07:58:45");
    }

    @Test
    void tenWorkersSpreadOverTwoMinutesOrOverTwoTerminalsAreNot() {
        List<Worker> crew = crew(10);
        for (int i = 0; i < crew.size(); i++) {
            s.device(crew.get(i), DAY, 7, 50 + i / 4, (i % 4) * 15, "gate-1"); // 4 a minute
        }
        assertThat(kinds()).doesNotContain(AnomalyKind.DEVICE_BURST);
    }

    @Test
    void signInsEnteredByHandAreFoundPerPersonAndTerminalOnesAreNot() {
        Worker other = s.addWorker(registry);
        s.rollCall(worker, 7, 58);
        s.rollCall(worker, 17, 0);
        s.fullDay(other, DAY);
        List<Anomaly> hand = anomalies().stream().filter(a -> a.kind() == AnomalyKind.HAND_RECORDED).toList();
        assertThat(hand).extracting(Anomaly::key).containsExactly("HAND_RECORDED:" + s.site().staff().getUsername());
        assertThat(hand.get(0).workerIds()).containsExactly(worker.getId());
        assertThat(hand.get(0).detail()).contains(2, 1);
    }

    @Test
    void aHeadCountFarFromThePreviousWorkingDaysIsFound() {
        List<Worker> crew = crew(3);
        crew.forEach(w -> s.fullDay(w, DAY.minusDays(2))); // the day before was a rest day
        s.fullDay(worker, DAY);
        List<Anomaly> swing = anomalies().stream().filter(a -> a.kind() == AnomalyKind.HEADCOUNT_SWING).toList();
        assertThat(swing).hasSize(1);
        assertThat(swing.get(0).wholeDay()).isTrue();
        assertThat(swing.get(0).detail()).containsExactly(1, 3, DAY.minusDays(2).toString(), "-67%");
    }

    @Test
    void aHeadCountCloseToThePreviousWorkingDaysIsNot() {
        List<Worker> crew = crew(3);
        crew.forEach(w -> s.fullDay(w, DAY.minusDays(1)));
        crew.forEach(w -> s.fullDay(w, DAY));
        assertThat(kinds()).isEmpty();
        assertThat(detector.findings(s.projectId(), DAY).previousPresent()).isEqualTo(3);
    }

    @Test
    void anEnrollmentRecordedMoreThanThreeDaysAfterItsStartIsBackDatedAndOneWithinThreeIsNot() {
        Worker late = enrolledNow(registry.worker(s.site().staff(), s.site().town()), DAY.minusDays(10));
        Worker onTime = enrolledNow(registry.worker(s.site().staff(), s.site().town()), DAY.minusDays(3));
        s.fullDay(late, DAY);
        s.fullDay(onTime, DAY);
        s.fullDay(worker, DAY); // the fixture's, recorded on its start date
        List<Anomaly> backdated = ofKind(AnomalyKind.BACKDATED_ENROLLMENT);
        assertThat(backdated).extracting(Anomaly::key).containsExactly("BACKDATED_ENROLLMENT:w" + late.getId());
        assertThat(backdated.get(0).workerIds()).containsExactly(late.getId());
        assertThat(backdated.get(0).detail()).containsExactly(late.getName(), late.getWorkerCode(),
                DAY.minusDays(10).toString(), DAY.toString(), 10L, 0);
    }

    @Test
    void aSignInOnADayBeforeTheEnrollmentWasRecordedIsBackDated() {
        clock.set(SupervisedSite.at(DAY.plusDays(1), 9, 0, 0)); // recorded the next morning, start date two days back
        Worker afterwards = enrolledNow(registry.worker(s.site().staff(), s.site().town()), DAY.minusDays(1));
        s.fullDay(afterwards, DAY);
        List<Anomaly> backdated = ofKind(AnomalyKind.BACKDATED_ENROLLMENT);
        assertThat(backdated).extracting(Anomaly::key).containsExactly("BACKDATED_ENROLLMENT:w" + afterwards.getId());
        assertThat(backdated.get(0).detail()).containsExactly(afterwards.getName(), afterwards.getWorkerCode(),
                DAY.minusDays(1).toString(), DAY.plusDays(1).toString(), 2L, 1);
        s.device(afterwards, DAY.plusDays(1), 7, 58, 0, "gate-1");
        assertThat(detector.findings(s.projectId(), DAY.plusDays(1)).anomalies()).extracting(Anomaly::kind)
                .as("the day of the recording, two days after the start, is not back-dated")
                .doesNotContain(AnomalyKind.BACKDATED_ENROLLMENT);
    }

    @Test
    void signInsATerminalSentHoursAfterTheirTimeArriveLatePerTerminal() {
        Worker other = s.addWorker(registry);
        s.sentLate(worker, DAY, 7, 58, 0, "gate-9"); // received at 22:00
        s.sentLate(other, DAY, 17, 2, 0, "gate-9");
        s.fullDay(worker, DAY.minusDays(1));
        s.device(other, DAY, 7, 58, 0, "gate-1"); // received at once
        List<Anomaly> late = ofKind(AnomalyKind.LATE_ARRIVAL);
        assertThat(late).extracting(Anomaly::key).containsExactly("LATE_ARRIVAL:DEVICE:gate-9");
        assertThat(late.get(0).workerIds()).containsExactlyInAnyOrder(worker.getId(), other.getId());
        assertThat(late.get(0).detail()).containsExactly(0, "gate-9", 2, 2, 14L, DAY + " 22:00");
    }

    @Test
    void aFileOfAPastDayImportedWithoutATerminalColumnArrivesLateByWhoImportedIt() throws IOException {
        clock.set(SupervisedSite.at(DAY.plusDays(1), 10, 0, 0));
        Worker other = s.addWorker(registry);
        String csv = "工号,时间\n" + worker.getWorkerCode() + ",2025-06-03 07:58\n" + worker.getWorkerCode()
                + ",2025-06-03 17:04\n" + other.getWorkerCode() + ",2025-06-03 08:02\n";
        assertThat(importer.importFile(s.site().staff(), s.projectId(), "考勤导出.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).stored()).isEqualTo(3);
        List<Anomaly> late = ofKind(AnomalyKind.LATE_ARRIVAL);
        assertThat(late).extracting(Anomaly::key).containsExactly("LATE_ARRIVAL:IMPORT:" + s.site().staff().getUsername());
        assertThat(late.get(0).detail()).containsExactly(2, s.site().staff().getUsername(), 3, 2, 26L,
                DAY.plusDays(1) + " 10:00");
    }

    @Test
    void signInsSentWithinTwoHoursOfTheirTimeAreNotLate() {
        clock.set(SupervisedSite.at(DAY, 9, 57, 0));
        s.sentLate(worker, DAY, 7, 58, 0, "gate-9"); // 1 h 59 min later
        assertThat(kinds()).doesNotContain(AnomalyKind.LATE_ARRIVAL);
    }

    @Test
    void onePhoneNumberOfTwoWorkersOfTheProjectIsSharedAndAnotherProjectsWorkerDoesNotCount() {
        String phone = TestNumbers.phone();
        Worker first = withPhone(phone);
        Worker second = withPhone(phone);
        registry.enroll(s.site().staff(), s.site().project(), s.site().team(), first, DAY.minusDays(10), DAY.plusDays(30));
        registry.enroll(s.site().staff(), s.site().project(), s.site().team(), second, DAY.minusDays(10), DAY.plusDays(30));
        SupervisedSite elsewhere = sites.create(DAY);
        Worker stranger = withPhone(elsewhere, phone); // the same number, enrolled only on another project
        registry.enroll(elsewhere.site().staff(), elsewhere.site().project(), elsewhere.site().team(), stranger,
                DAY.minusDays(10), DAY.plusDays(30));
        s.fullDay(first, DAY);
        s.fullDay(worker, DAY);
        List<Anomaly> shared = ofKind(AnomalyKind.SHARED_PHONE);
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).workerIds()).as("the day's workers among those sharing").containsExactly(first.getId());
        assertThat(shared.get(0).detail()).containsExactly(phone.substring(0, 3) + "****" + phone.substring(7), 2,
                first.getName() + "（" + first.getWorkerCode() + "）, " + second.getName() + "（" + second.getWorkerCode() + "）");
    }

    @Test
    void workersWithTheirOwnPhoneNumbersShareNothing() {
        Worker other = s.addWorker(registry);
        s.fullDay(worker, DAY);
        s.fullDay(other, DAY);
        assertThat(kinds()).doesNotContain(AnomalyKind.SHARED_PHONE);
    }

    @Test
    void aWorkersFirstDayOnTheProjectIsInformationNotAnAnomaly() {
        Worker newcomer = s.addWorker(registry);
        s.fullDay(worker, DAY.minusDays(1));
        s.fullDay(worker, DAY);
        s.fullDay(newcomer, DAY);
        DayFindings findings = detector.findings(s.projectId(), DAY);
        assertThat(findings.anomalies()).extracting(Anomaly::kind).doesNotContain(AnomalyKind.FIRST_DAY);
        assertThat(findings.information()).extracting(Anomaly::kind).containsExactly(AnomalyKind.FIRST_DAY);
        assertThat(findings.information().get(0).workerIds()).containsExactly(newcomer.getId());
        assertThat(AnomalyKind.FIRST_DAY.blocking()).isFalse();
    }

    /** Enrolled by the staff now (by the test clock), the start date as given. */
    private Worker enrolledNow(Worker w, LocalDate start) {
        enrollments.enroll(s.site().staff(), s.projectId(), w.getId(), new EnrollmentForm(s.site().team().getId(),
                RecruitmentSource.ADDED, start, start, start, DAY.plusDays(30), "中国人寿", "POL-" + w.getId(), start,
                DAY.plusDays(30), 0));
        return w;
    }

    private Worker withPhone(String phone) {
        return withPhone(s, phone);
    }

    private Worker withPhone(SupervisedSite on, String phone) {
        WorkerForm f = RegistryFixtures.workerForm(on.site().town(), TestNumbers.idNumber());
        return workers.register(on.site().staff(), new WorkerForm(f.townId(), f.name(), f.idNumber(), phone, f.village(),
                f.villageGroup(), f.householdNo(), f.householdStatus(), f.skills(), f.bankName(), f.bankCard(), f.version()))
                .worker();
    }

    private List<Anomaly> ofKind(AnomalyKind kind) {
        return anomalies().stream().filter(a -> a.kind() == kind).toList();
    }

    private List<Worker> crew(int size) {
        List<Worker> crew = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            crew.add(s.addWorker(registry));
        }
        return crew;
    }

    private List<Anomaly> anomalies() {
        return detector.findings(s.projectId(), DAY).anomalies();
    }

    private List<AnomalyKind> kinds() {
        return anomalies().stream().map(Anomaly::kind).toList();
    }
}
