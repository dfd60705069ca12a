package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.support.IntegrationTest;
import org.workrelief.worker.Worker;

/**
 * The team confirmation page sends the list of possible witnesses once (a datalist every line's form
 * uses), not once per line: its size grows with lines plus witnesses, not lines times witnesses.
 */
@IntegrationTest
class TeamConfirmationPageTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired PayoutService payouts;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    PaidSite p;
    PayoutBatch batch;
    long teamId;

    @BeforeEach
    void setUp() {
        p = flow.site();
        batch = flow.publicized(p);
        teamId = p.s().site().team().getId();
    }

    @Test
    void eachWitnessIsOfferedOnceForAllTheLines() throws Exception {
        String page = page();
        assertThat(count(page, "<option")).as("one option per co-worker, not per line and co-worker")
                .isEqualTo(p.crew().size());
        for (Worker worker : p.crew()) {
            assertThat(count(page, worker.getWorkerCode() + " " + worker.getName() + " · "))
                    .as("%s in the witness list", worker.getName()).isEqualTo(1);
        }
        assertThat(count(page, "list=\"witness-options\"")).as("every line's form uses the one list")
                .isEqualTo(p.crew().size());
        assertThat(count(page, "<datalist")).isEqualTo(1);
    }

    @Test
    void aWitnessChosenFromTheListOrTypedIsRecordedAndAWrongOneIsSaid() throws Exception {
        List<PayoutLine> lines = payouts.lines(p.staff(), batch.id());
        PayoutLine first = lines.get(0);
        List<Worker> others = p.crew().stream().filter(w -> w.getId() != first.workerId()).toList();
        String entry = page().lines().filter(l -> l.contains("value=\"" + others.get(0).getWorkerCode() + " "))
                .map(l -> l.replaceAll(".*value=\"([^\"]+)\".*", "$1")).findFirst().orElseThrow();

        confirm(first, entry).andExpect(flash().attribute("success", "payout.confirm.recorded"));
        // a name alone does when one co-worker who may vouch has it (the fixtures' workers are all 王小明)
        confirm(first, "王小明").andExpect(flash().attribute("failure", "payout.confirm.witness.ambiguous"));
        jdbc.update("update worker set name = '李秀英' where id = ?", others.get(1).getId());
        confirm(first, "李秀英").andExpect(flash().attribute("success", "payout.confirm.recorded"));
        assertThat(payouts.lines(p.staff(), batch.id()).get(0).confirmed()).isTrue();

        PayoutLine second = lines.get(1);
        confirm(second, "JS-NOBODY").andExpect(flash().attribute("failure", "payout.confirm.witness.unknown"));
        confirm(second, "").andExpect(flash().attribute("failure", "payout.confirm.witness"));
        Worker secondPayee = p.crew().stream().filter(w -> w.getId() == second.workerId()).findFirst().orElseThrow();
        confirm(second, secondPayee.getWorkerCode().toLowerCase()).andExpect(flash().attribute("failure", "payout.witness.PAYEE"));
    }

    private org.springframework.test.web.servlet.ResultActions confirm(PayoutLine line, String witness) throws Exception {
        return mvc.perform(post("/payouts/lines/{l}/confirmations", line.id()).param("batchId", String.valueOf(batch.id()))
                        .param("teamId", String.valueOf(teamId)).param("witness", witness).param("sheetRef", "HZ-1")
                        .with(user(p.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private String page() throws Exception {
        var response = mvc.perform(get("/payouts/{b}/teams/{t}", batch.id(), teamId).with(user(p.staff())))
                .andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return response.getContentAsString();
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
