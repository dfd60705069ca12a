package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.payout.WitnessConcentration.ManyLines;
import org.workrelief.payout.WitnessConcentration.OnlyEachOther;
import org.workrelief.payout.WitnessConcentration.Person;
import org.workrelief.supervision.DailyReviewService;
import org.workrelief.supervision.DutyRosterService;
import org.workrelief.supervision.SupervisedSite;
import org.workrelief.supervision.SupervisedSites;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

/**
 * 互证集中提示: a worker vouching for more than 4 lines of a batch, and two workers vouching only for each
 * other in two batches, shown to the approver and the committee. A crew of six on one team, the week of
 * {@link PaidSite} approved and paid in two batches (26–28 May, 29–30 May); the confirmations are written
 * straight into the table, in the patterns each test needs.
 */
@IntegrationTest
class WitnessConcentrationTests {

    @Autowired WitnessConcentration concentration;
    @Autowired PayoutService payouts;
    @Autowired SupervisedSites sites;
    @Autowired RegistryFixtures registry;
    @Autowired DutyRosterService duty;
    @Autowired DailyReviewService reviews;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    SupervisedSite s;
    List<Worker> w;
    PayoutBatch first;
    PayoutBatch second;

    @BeforeEach
    void setUp() {
        clock.set(MutableClock.START);
        s = sites.create(PaidSite.TODAY);
        w = new ArrayList<>(List.of(s.site().worker()));
        while (w.size() < 6) {
            w.add(s.addWorker(registry));
        }
        for (LocalDate day = PaidSite.FROM; !day.isAfter(PaidSite.TO); day = day.plusDays(1)) {
            duty.setDay(s.site().admin(), s.projectId(), day, List.of(s.onDutyMember().id()), SupervisedSite.PAST_DUTY);
            for (Worker worker : w) {
                s.fullDay(worker, day);
            }
            PaidSite.approve(reviews, s, day);
        }
        first = payouts.create(s.site().staff(), s.projectId(), PaidSite.FROM, PaidSite.FROM.plusDays(2));
        second = payouts.create(s.site().staff(), s.projectId(), PaidSite.FROM.plusDays(3), PaidSite.TO);
    }

    @Test
    void aWorkerVouchingForMoreThanFourLinesOfTheBatch() {
        for (int payee = 1; payee <= 4; payee++) {
            vouch(second, 0, payee);
        }
        vouch(second, 1, 0);
        vouch(second, 1, 2);
        assertThat(findings(second).manyLines()).as("4 lines are not more than 4").isEmpty();

        vouch(second, 0, 5);
        assertThat(findings(second).manyLines()).containsExactly(new ManyLines(person(0), 5, 4));
        assertThat(findings(first).empty()).as("counted in its own batch only").isTrue();
    }

    @Test
    void twoWorkersVouchingOnlyForEachOtherInTwoBatches() {
        // 0 and 1 vouch only for each other; so do 2 and 3 in the first batch, but 3 vouches for 4 too in the second
        vouch(first, 0, 1);
        vouch(first, 1, 0);
        vouch(first, 2, 3);
        vouch(first, 3, 2);
        assertThat(findings(first).onlyEachOther()).as("one batch is not yet a pattern").isEmpty();

        vouch(second, 0, 1);
        vouch(second, 1, 0);
        vouch(second, 2, 3);
        vouch(second, 3, 2);
        vouch(second, 3, 4);
        OnlyEachOther pair = new OnlyEachOther(person(0), person(1), 2);
        assertThat(findings(second).onlyEachOther()).containsExactly(pair);
        assertThat(findings(first).onlyEachOther()).as("the first batch is one of the two").containsExactly(pair);
        assertThat(findings(second).manyLines()).isEmpty();
    }

    @Test
    void theApproverAndTheCommitteeSeeTheBlockStaffAndFinanceDoNot() throws Exception {
        vouch(first, 4, 5);
        vouch(first, 5, 4);
        vouch(second, 4, 5);
        vouch(second, 5, 4);
        for (int payee = 0; payee <= 3; payee++) {
            vouch(second, 5, payee);
        }
        // 5 now vouches for 4 and for 0..3 in the second batch: too many lines, and no longer only for 4
        String many = w.get(5).getName() + " (" + w.get(5).getWorkerCode() + ") 为 5 行作证，超过 4 行";
        for (SignedInUser viewer : List.of(s.site().admin(), s.onDuty())) {
            mvc.perform(get("/payouts/{b}", second.id()).with(user(viewer))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"witness-concentration\"")))
                    .andExpect(content().string(containsString("互证集中提示")))
                    .andExpect(content().string(containsString(many)));
        }
        mvc.perform(get("/payouts/{b}", second.id()).param("lang", "en").with(user(s.onDuty())))
                .andExpect(content().string(containsString(w.get(5).getWorkerCode() + ") vouches for 5 lines, more than 4")));
        SignedInUser finance = Principals.of(new Fixtures(accounts).user(Role.FINANCE, s.site().town()));
        for (SignedInUser viewer : List.of(s.site().staff(), finance)) {
            mvc.perform(get("/payouts/{b}", second.id()).with(user(viewer))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("witness-concentration"))));
        }

        // the pair of the first batch: 0 and 1, only for each other in both batches
        vouch(first, 0, 1);
        vouch(first, 1, 0);
        vouch(second, 1, 0);
        String pair = w.get(0).getName() + " (" + w.get(0).getWorkerCode() + ") 与 " + w.get(1).getName() + " ("
                + w.get(1).getWorkerCode() + ") 在 2 期发放中只互相作证";
        mvc.perform(get("/payouts/{b}", first.id()).with(user(s.site().admin()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(pair))));
        vouch(second, 0, 1);
        mvc.perform(get("/payouts/{b}", first.id()).with(user(s.site().admin()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(pair)));
    }

    private WitnessConcentration.Findings findings(PayoutBatch batch) {
        return concentration.of(s.site().admin(), batch);
    }

    private Person person(int i) {
        return new Person(w.get(i).getWorkerCode(), w.get(i).getName());
    }

    /** Crew member {@code witness} vouches for crew member {@code payee}'s line of the batch. */
    private void vouch(PayoutBatch batch, int witness, int payee) {
        int written = jdbc.update("""
                insert into cross_confirmation (line_id, slot, witness_worker_id, payee_worker_id, method, created_at, updated_at)
                select l.id, (select count(*) + 1 from cross_confirmation c where c.line_id = l.id), ?, l.worker_id, 'PIN',
                       now(), now()
                from payout_line l where l.batch_id = ? and l.worker_id = ?
                """, w.get(witness).getId(), batch.id(), w.get(payee).getId());
        assertThat(written).isEqualTo(1);
    }
}
