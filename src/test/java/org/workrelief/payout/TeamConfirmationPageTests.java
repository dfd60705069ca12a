package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.support.IntegrationTest;
import org.workrelief.worker.PinForm;
import org.workrelief.worker.Worker;

/**
 * The team's confirmation screens: recording from an uploaded signed sheet (the list of possible
 * witnesses sent once, a datalist every line's fields use, not once per line), the committee's check
 * of the scan, and the phone pages where a witness confirms with their own PIN.
 */
@IntegrationTest
class TeamConfirmationPageTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired PayoutService payouts;
    @Autowired PayoutBatches batches;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired ConfirmationSheets sheets;
    @Autowired ConfirmationService confirmations;
    @Autowired org.workrelief.worker.WorkerPins pins;
    @Autowired WageLedger ledger;

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
    void withoutAnUploadedSheetThereIsNothingToRecordFrom() throws Exception {
        String page = page();
        assertThat(page).contains("id=\"upload-first\"").contains("id=\"sheet-upload\"").doesNotContain("witness-options");
        mvc.perform(multipart("/payouts/{b}/teams/{t}/sheets", batch.id(), teamId)
                        .file(new MockMultipartFile("file", "scan.png", "image/png", "plain text".getBytes()))
                        .with(user(p.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failure", "payout.sheet.type"));
        assertThat(sheets.sheetsOf(p.staff(), batch.id())).isEmpty();
    }

    @Test
    void eachWitnessIsOfferedOnceForAllTheLines() throws Exception {
        upload();
        String page = page();
        assertThat(count(page, "<option")).as("one option per co-worker, not per line and co-worker")
                .isEqualTo(p.crew().size());
        for (Worker worker : p.crew()) {
            assertThat(count(page, worker.getWorkerCode() + " " + worker.getName() + " · "))
                    .as("%s in the witness list", worker.getName()).isEqualTo(1);
        }
        assertThat(count(page, "list=\"witness-options\"")).as("every line's two fields use the one list")
                .isEqualTo(2 * p.crew().size());
        assertThat(count(page, "<datalist")).isEqualTo(1);
    }

    @Test
    void aWitnessChosenFromTheListOrTypedIsRecordedFromTheSheetAndAWrongOneIsSaid() throws Exception {
        long sheet = upload();
        List<PayoutLine> lines = batches.lines(p.staff(), batch.id());
        PayoutLine first = lines.get(0);
        List<Worker> others = p.crew().stream().filter(w -> w.getId() != first.workerId()).toList();
        String entry = page().lines().filter(l -> l.contains("value=\"" + others.get(0).getWorkerCode() + " "))
                .map(l -> l.replaceAll(".*value=\"([^\"]+)\".*", "$1")).findFirst().orElseThrow();

        record(sheet, first, entry).andExpect(flash().attribute("success", "payout.sheet.recorded"));
        // a name alone does when one co-worker who may vouch has it (the fixtures' workers are all 王小明)
        record(sheet, first, "王小明").andExpect(flash().attribute("failure", "payout.sheet.refused"));
        jdbc.update("update worker set name = '李秀英' where id = ?", others.get(1).getId());
        record(sheet, first, "李秀英").andExpect(flash().attribute("success", "payout.sheet.recorded"));
        assertThat(confirmations.confirmationsOf(p.staff(), batch.id())).hasSize(2)
                .allSatisfy(c -> assertThat(c.awaitingAttestation()).isTrue());
        assertThat(page()).contains("签字表 #" + sheet + "（待核对，暂不计入）");

        PayoutLine second = lines.get(1);
        record(sheet, second, "JS-NOBODY").andExpect(flash().attribute("failure", "payout.sheet.refused"));
        record(sheet, second, "").andExpect(flash().attribute("failure", "payout.sheet.nothingEntered"));
    }

    @Test
    void theCommitteeOpensTheScanAndAttestsItOnItsPage() throws Exception {
        ConfirmationSheet sheet = flow.recordedFromSheet(p, batch.id());
        var member = p.s().offDuty();
        String view = mvc.perform(get("/payouts/sheets/{s}", sheet.id()).with(user(member))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(view).contains("id=\"attest-form\"").contains(sheet.sha256()).contains("id=\"sheet-image\"");
        mvc.perform(post("/payouts/sheets/{s}/attest", sheet.id()).param("version", String.valueOf(sheet.version()))
                        .with(user(member)).with(csrf()))
                .andExpect(flash().attribute("failure", "payout.sheet.attest.notOpened"));
        mvc.perform(get("/payouts/sheets/{s}/file", sheet.id()).with(user(member))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(post("/payouts/sheets/{s}/attest", sheet.id()).param("version", String.valueOf(sheet.version()))
                        .with(user(p.staff())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/payouts/sheets/{s}/attest", sheet.id()).param("version", String.valueOf(sheet.version()))
                        .with(user(member)).with(csrf()))
                .andExpect(flash().attribute("success", "payout.sheet.attested"));
        assertThat(batches.lines(p.staff(), batch.id())).allSatisfy(l -> assertThat(l.confirmed()).isTrue());
        String english = mvc.perform(get("/payouts/sheets/{s}", sheet.id()).param("lang", "en").with(user(member)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Checked by").doesNotContain("id=\"attest-form\"");
    }

    @Test
    void aCommitteeMemberOfAnotherTownFindsNoSheetToAttest() throws Exception {
        ConfirmationSheet sheet = flow.recordedFromSheet(p, batch.id());
        var elsewhere = flow.site().s().offDuty();
        mvc.perform(get("/payouts/sheets/{s}", sheet.id()).with(user(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(get("/payouts/sheets/{s}/file", sheet.id()).with(user(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(post("/payouts/sheets/{s}/attest", sheet.id()).param("version", String.valueOf(sheet.version()))
                .with(user(elsewhere)).with(csrf())).andExpect(status().isNotFound());
        assertThat(sheets.sheet(p.staff(), sheet.id()).attested()).isFalse();
    }

    @Test
    void aWitnessPicksTheCoWorkerAndConfirmsWithTheirOwnPin() throws Exception {
        PayoutLine first = batches.lines(p.staff(), batch.id()).get(0);
        Worker witness = p.crew().stream().filter(w -> w.getId() != first.workerId()).findFirst().orElseThrow();
        pins.set(p.staff(), witness.getId(), new PinForm("", "602417", "602417"));
        String list = mvc.perform(get("/payouts/{b}/teams/{t}/pin", batch.id(), teamId).with(user(p.staff())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(count(list, "class=\"list-group-item list-group-item-action py-3 pin-line\"")).isEqualTo(p.crew().size());
        String line = mvc.perform(get("/payouts/{b}/teams/{t}/pin/{l}", batch.id(), teamId, first.id()).with(user(p.staff())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(line).contains(first.workerName()).contains("800.00").contains("type=\"password\"").contains("data-scan-code");
        mvc.perform(post("/payouts/{b}/teams/{t}/pin/{l}", batch.id(), teamId, first.id())
                        .param("workerCode", witness.getWorkerCode()).param("pin", "602418").with(user(p.staff())).with(csrf()))
                .andExpect(redirectedUrl("/payouts/" + batch.id() + "/teams/" + teamId + "/pin/" + first.id()))
                .andExpect(flash().attribute("failure", "worker.pin.wrong"));
        mvc.perform(post("/payouts/{b}/teams/{t}/pin/{l}", batch.id(), teamId, first.id())
                        .param("workerCode", witness.getWorkerCode()).param("pin", "602417").with(user(p.staff())).with(csrf()))
                .andExpect(redirectedUrl("/payouts/" + batch.id() + "/teams/" + teamId + "/pin"))
                .andExpect(flash().attribute("success", "payout.pin.confirmed"));
        assertThat(confirmations.confirmationsOf(p.staff(), batch.id())).singleElement()
                .satisfies(c -> assertThat(c.method()).isEqualTo(ConfirmationService.Method.PIN));
        assertThat(page()).contains("本人确认码");
        // how it was given, beside it on the batch page, in the audit log and in the wage ledger
        String batchPage = mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.staff())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(batchPage).containsPattern("class=\"d-block text-muted evidence text-nowrap\">本人确认码<");
        String audit = mvc.perform(get("/audit").param("action", "CONFIRMATION_RECORDED").with(user(p.admin())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(audit).contains("确认方式").contains("本人确认码");
        assertThat(ledger.rows(p.staff(), p.projectId(), java.time.YearMonth.from(PaidSite.FROM)))
                .anySatisfy(row -> assertThat(row.get(row.size() - 1)).isEqualTo(witness.getName() + "（"
                        + witness.getWorkerCode() + "）本人确认码"));
    }

    private long upload() throws Exception {
        mvc.perform(multipart("/payouts/{b}/teams/{t}/sheets", batch.id(), teamId)
                        .file(new MockMultipartFile("file", "scan.png", "image/png", SheetScans.png()))
                        .with(user(p.staff())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "payout.sheet.uploaded"));
        return sheets.sheetsOf(p.staff(), batch.id()).get(0).id();
    }

    private org.springframework.test.web.servlet.ResultActions record(long sheet, PayoutLine line, String witness)
            throws Exception {
        return mvc.perform(post("/payouts/sheets/{s}/confirmations", sheet).param("batchId", String.valueOf(batch.id()))
                        .param("teamId", String.valueOf(teamId)).param("witness-" + line.id(), witness)
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
