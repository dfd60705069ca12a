package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workrelief.support.Refusals.assertRefused;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

/** Rule 8: each condition a witness must meet, and what the database backs. */
@IntegrationTest
class CrossConfirmationTests {

    @Autowired PayoutFlow flow;
    @Autowired RegistryFixtures registry;
    @Autowired PayoutService payouts;
    @Autowired ConfirmationService confirmations;
    @Autowired JdbcTemplate jdbc;

    PaidSite p;
    PayoutBatch batch;
    PayoutLine line;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        line = payouts.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() == p.crew().get(0).getId())
                .findFirst().orElseThrow();
    }

    @Test
    void aCoWorkerWithApprovedAttendanceIsEligible() {
        assertThat(confirmations.eligibleWitnesses(p.staff(), line.id())).extracting(WitnessPolicy.Candidate::workerId)
                .containsExactlyInAnyOrder(p.crew().get(1).getId(), p.crew().get(2).getId(), p.crew().get(3).getId());
        assertThat(confirmations.confirm(p.staff(), line.id(), p.crew().get(1).getId(), "HZ-1").slot()).isEqualTo(1);
    }

    @Test
    void thePayeeCannotVouchForThemselves() {
        assertRefused(() -> confirmations.confirm(p.staff(), line.id(), p.crew().get(0).getId(), "HZ-1"),
                "payout.witness.PAYEE");
        assertThatThrownBy(() -> jdbc.update("""
                insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, sheet_ref, created_at, updated_at)
                values (?, 1, ?, ?, 'x', now(), now())
                """, line.id(), line.workerId(), line.workerId())).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aWorkerNotEnrolledOnTheProjectIsNotEligible() {
        Worker stranger = registry.worker(p.staff(), p.s().site().town());
        assertRefused(() -> confirmations.confirm(p.staff(), line.id(), stranger.getId(), "HZ-1"),
                "payout.witness.NOT_ENROLLED");
    }

    @Test
    void anEnrolledWorkerWithoutApprovedAttendanceInThePeriodIsNotEligible() {
        Worker idle = p.s().addWorker(registry);
        assertRefused(() -> confirmations.confirm(p.staff(), line.id(), idle.getId(), "HZ-1"),
                "payout.witness.NO_APPROVED_ATTENDANCE");
    }

    @Test
    void someoneOfThePayeesHouseholdIsNotEligible() {
        jdbc.update("update worker set household_no = 'H-0007' where id in (?, ?)", p.crew().get(0).getId(),
                p.crew().get(1).getId());
        assertRefused(() -> confirmations.confirm(p.staff(), line.id(), p.crew().get(1).getId(), "HZ-1"),
                "payout.witness.SAME_HOUSEHOLD");
        assertThat(confirmations.eligibleWitnesses(p.staff(), line.id())).extracting(WitnessPolicy.Candidate::workerId)
                .doesNotContain(p.crew().get(1).getId());
    }

    @Test
    void noWitnessTwiceAndNoThirdConfirmation() {
        confirmations.confirm(p.staff(), line.id(), p.crew().get(1).getId(), "HZ-1");
        assertRefused(() -> confirmations.confirm(p.staff(), line.id(), p.crew().get(1).getId(), "HZ-1"),
                "payout.confirm.duplicate");
        confirmations.confirm(p.staff(), line.id(), p.crew().get(2).getId(), "HZ-1");
        assertRefused(() -> confirmations.confirm(p.staff(), line.id(), p.crew().get(3).getId(), "HZ-1"),
                "payout.confirm.full");
        assertThatThrownBy(() -> jdbc.update("""
                insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, sheet_ref, created_at, updated_at)
                values (?, 3, ?, ?, 'x', now(), now())
                """, line.id(), p.crew().get(3).getId(), line.workerId())).isInstanceOf(DataAccessException.class);
        assertRefused(() -> confirmations.confirm(p.staff(), line.id(), p.crew().get(3).getId(), " "),
                "payout.confirm.sheetRef.required");
    }

    @Test
    void aTeamConfirmsInARingOfNeighbours() {
        assertThat(confirmations.confirmTeamInPairs(p.staff(), batch.id(), p.s().site().team().getId(), "HZ-2")).isEqualTo(8);
        List<Confirmation> all = confirmations.confirmationsOf(p.staff(), batch.id());
        assertThat(all).hasSize(8);
        assertThat(payouts.lines(p.staff(), batch.id())).allSatisfy(l -> assertThat(l.confirmed()).isTrue());
        assertThat(confirmations.confirmTeamInPairs(p.staff(), batch.id(), p.s().site().team().getId(), "HZ-2"))
                .as("nothing left to confirm").isZero();
    }
}
