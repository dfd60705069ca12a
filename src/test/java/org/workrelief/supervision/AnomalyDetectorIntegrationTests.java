package org.workrelief.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

/** Each anomaly the daily review shows: a day that triggers it and one that does not. */
@IntegrationTest
class AnomalyDetectorIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 3);

    @Autowired SupervisedSites sites;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired AnomalyDetector detector;
    @Autowired MutableClock clock;

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
