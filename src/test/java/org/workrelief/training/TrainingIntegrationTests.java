package org.workrelief.training;

import static org.workrelief.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.workrelief.account.AccountService;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

@IntegrationTest
class TrainingIntegrationTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 3);

    @Autowired AccountService accounts;
    @Autowired ProjectService projects;
    @Autowired RegistryFixtures registry;
    @Autowired TrainingService training;
    @Autowired MutableClock clock;

    ActiveProject site;
    Worker second;

    @BeforeEach
    void setUp() {
        clock.reset();
        site = ActiveProject.create(accounts, projects, registry, TODAY);
        second = site.addWorker(registry, TODAY.minusDays(10), TODAY.plusDays(30));
    }

    @Test
    void aPersonTrainedTwiceIsCountedOnce() {
        TrainingSession safety = session("安全生产培训", TrainingKind.SAFETY);
        TrainingSession skills = session("砌石技能培训", TrainingKind.SKILLS);
        training.addAttendees(site.staff(), safety.id(), List.of(site.worker().getId(), second.getId()));
        training.addAttendees(site.staff(), skills.id(), List.of(site.worker().getId()));
        assertThat(training.trainedPeople(site.project().getId())).isEqualTo(2);
        assertThat(training.session(site.staff(), safety.id()).attendees()).isEqualTo(2);
        assertThat(training.addAttendees(site.staff(), skills.id(), List.of(site.worker().getId())))
                .as("already there").isZero();
    }

    @Test
    void onlyWorkersOfTheProjectAttend() {
        TrainingSession session = session("政策宣讲", TrainingKind.POLICY);
        Worker stranger = registry.worker(site.staff(), site.town());
        assertRefused(() -> training.addAttendees(site.staff(), session.id(), List.of(stranger.getId())),
                "training.attendee.notOfProject");
        assertThat(training.trainedPeople(site.project().getId())).isZero();
    }

    @Test
    void aSessionNeedsItsFactsAndMustHaveBeenHeld() {
        long p = site.project().getId();
        assertRefused(() -> training.create(site.staff(), p, new TrainingForm(" ", TrainingKind.SKILLS, "李老师", TODAY,
                BigDecimal.ONE, null)), "training.title.required");
        assertRefused(() -> training.create(site.staff(), p, new TrainingForm("培训", null, "李老师", TODAY, BigDecimal.ONE,
                null)), "training.kind.required");
        assertRefused(() -> training.create(site.staff(), p, new TrainingForm("培训", TrainingKind.SKILLS, "李老师",
                TODAY.plusDays(1), BigDecimal.ONE, null)), "training.date.future");
        assertRefused(() -> training.create(site.staff(), p, new TrainingForm("培训", TrainingKind.SKILLS, "李老师", TODAY,
                new BigDecimal("0"), null)), "training.hours.invalid");
        assertThat(training.sessions(site.staff(), p)).isEmpty();
    }

    @Test
    void onlyAdministratorsAndStaffKeepTraining() {
        var supervisor = org.workrelief.account.Principals.of(new org.workrelief.support.Fixtures(accounts)
                .user(org.workrelief.account.Role.SUPERVISOR, site.town()));
        assertThatThrownBy(() -> training.create(supervisor, site.project().getId(), new TrainingForm("培训",
                TrainingKind.SKILLS, "李老师", TODAY, BigDecimal.ONE, null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anImportAddsEveryRowOrNoneAndKeepsCertificates() throws Exception {
        TrainingSession session = session("挖掘机操作", TrainingKind.SKILLS);
        Worker stranger = registry.worker(site.staff(), site.town());
        TrainingService.ImportResult refused = training.importAttendees(site.staff(), session.id(), "a.csv",
                csv(List.of(site.worker().getWorkerCode(), "ZS-001"), List.of(stranger.getWorkerCode(), ""),
                        List.of(site.worker().getWorkerCode(), "")));
        assertThat(refused.errors()).extracting(e -> e.messageKey()).containsExactly("training.attendee.notOfProject",
                "training.import.duplicate");
        assertThat(training.attendees(site.staff(), session.id())).isEmpty();

        TrainingService.ImportResult done = training.importAttendees(site.staff(), session.id(), "a.csv",
                csv(List.of(site.worker().getWorkerCode(), "ZS-001"), List.of(second.getWorkerCode(), "")));
        assertThat(done.added()).isEqualTo(2);
        assertThat(training.attendees(site.staff(), session.id())).extracting(Attendee::certificateNo)
                .containsExactlyInAnyOrder("ZS-001", null);
    }

    private TrainingSession session(String title, TrainingKind kind) {
        return training.create(site.staff(), site.project().getId(), new TrainingForm(title, kind, "李老师", TODAY.minusDays(1),
                new BigDecimal("4"), "村委会议室"));
    }

    @SafeVarargs
    private static ByteArrayInputStream csv(List<String>... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.csv(List.of("工号", "证书编号"), List.of(rows), out);
        return new ByteArrayInputStream(out.toByteArray());
    }
}
