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
    @Autowired PayoutBatches batches;
    @Autowired ConfirmationService confirmations;
    @Autowired JdbcTemplate jdbc;

    PaidSite p;
    PayoutBatch batch;
    PayoutLine line;
    ConfirmationSheet sheet;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = payouts.create(p.staff(), p.projectId(), PaidSite.FROM, PaidSite.TO);
        line = batches.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() == p.crew().get(0).getId())
                .findFirst().orElseThrow();
        sheet = flow.sheet(p, batch.id());
    }

    /** The clerk records from the uploaded sheet that {@code witness} signed for the line. */
    private Confirmation confirm(Worker witness) {
        confirmations.recordFromSheet(p.staff(), sheet.id(), List.of(new ConfirmationService.SheetEntry(line.id(),
                witness.getWorkerCode())));
        return confirmations.confirmationsOf(p.staff(), batch.id()).stream()
                .filter(c -> c.lineId() == line.id() && c.witnessId() == witness.getId()).findFirst().orElseThrow();
    }

    private List<Long> eligible() {
        return confirmations.team(p.staff(), batch.id(), p.s().site().team().getId()).stream()
                .filter(t -> t.line().id() == line.id()).findFirst().orElseThrow().eligible().stream()
                .map(WitnessPolicy.Candidate::workerId).toList();
    }

    @Test
    void aCoWorkerWithApprovedAttendanceIsEligible() {
        assertThat(eligible()).containsExactlyInAnyOrder(p.crew().get(1).getId(), p.crew().get(2).getId(),
                p.crew().get(3).getId());
        Confirmation given = confirm(p.crew().get(1));
        assertThat(given.slot()).isEqualTo(1);
        assertThat(given.method()).isEqualTo(ConfirmationService.Method.SHEET);
        assertThat(given.sheetId()).isEqualTo(sheet.id());
    }

    @Test
    void thePayeeCannotVouchForThemselves() {
        assertRefused(() -> confirm(p.crew().get(0)), "payout.sheet.refused", "payout.witness.PAYEE");
        assertThatThrownBy(() -> jdbc.update("""
                insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, method, created_at, updated_at)
                values (?, 1, ?, ?, 'PIN', now(), now())
                """, line.id(), line.workerId(), line.workerId())).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aWorkerNotEnrolledOnTheProjectIsNotEligible() {
        Worker stranger = registry.worker(p.staff(), p.s().site().town());
        assertRefused(() -> confirm(stranger), "payout.sheet.refused", "payout.witness.NOT_ENROLLED");
    }

    @Test
    void anEnrolledWorkerWithoutApprovedAttendanceInThePeriodIsNotEligible() {
        Worker idle = p.s().addWorker(registry);
        assertRefused(() -> confirm(idle), "payout.sheet.refused", "payout.witness.NO_APPROVED_ATTENDANCE");
    }

    @Test
    void someoneOfThePayeesHouseholdIsNotEligible() {
        jdbc.update("update worker set household_no = 'H-0007' where id in (?, ?)", p.crew().get(0).getId(),
                p.crew().get(1).getId());
        assertRefused(() -> confirm(p.crew().get(1)), "payout.sheet.refused", "payout.witness.SAME_HOUSEHOLD");
        assertThat(eligible()).doesNotContain(p.crew().get(1).getId());
    }

    @Test
    void noWitnessTwiceAndNoThirdConfirmation() {
        confirm(p.crew().get(1));
        assertRefused(() -> confirm(p.crew().get(1)), "payout.sheet.refused", "payout.confirm.duplicate");
        confirm(p.crew().get(2));
        assertRefused(() -> confirm(p.crew().get(3)), "payout.sheet.refused", "payout.confirm.full");
        assertThatThrownBy(() -> jdbc.update("""
                insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, method, created_at, updated_at)
                values (?, 3, ?, ?, 'PIN', now(), now())
                """, line.id(), p.crew().get(3).getId(), line.workerId())).isInstanceOf(DataAccessException.class);
        assertRefused(() -> confirmations.recordFromSheet(p.staff(), sheet.id(),
                List.of(new ConfirmationService.SheetEntry(line.id(), " "))), "payout.sheet.nothingEntered");
    }

    @Test
    void theSheetSuggestsTheNeighboursButRecordsOnlyWhatTheClerkEnters() {
        var team = confirmations.team(p.staff(), batch.id(), p.s().site().team().getId());
        assertThat(team).allSatisfy(t -> assertThat(t.suggested()).hasSize(2));
        assertThat(confirmations.confirmationsOf(p.staff(), batch.id())).as("a suggestion is not a confirmation").isEmpty();
    }
}
