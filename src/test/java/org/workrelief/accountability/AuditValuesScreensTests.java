package org.workrelief.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workrelief.account.AccountService;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.IntegrationTest;
import org.workrelief.worker.Worker;

/**
 * The values in the audit log as a clerk reads them: an anomaly by its kind and whom it concerns, codes by
 * their labels, money as money, workers by their number (and names when few), instants in the project's zone.
 * Rows the flow cannot write cheaply are written as their writers write them (same keys, same shapes).
 */
@IntegrationTest
class AuditValuesScreensTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired AuditLog auditLog;
    @Autowired AccountService accounts;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    @Test
    void anAnomalyIsShownByItsKindAndTheWorkerOrPersonItConcerns() throws Exception {
        // the site's last day has a worker with one sign-in: a half day the member on duty accepted
        Worker half = p.crew().get(3);
        String halfDay = half.getName() + " " + half.getWorkerCode();
        String page = page(get("/audit").param("projectId", String.valueOf(p.projectId())).param("action", "ANOMALY_DECIDED"));
        assertThat(page).doesNotContain("HALF_DAY:w")
                .contains("audit-detail\">半天出勤：" + halfDay + "<")
                .contains("audit-after\">半天出勤：" + halfDay + "<")
                .contains("audit-after\">1 人：" + halfDay + "<");
        // sign-ins entered by hand name the person who entered them
        String entityId = entity();
        String key = "HAND_RECORDED:" + p.staff().getUsername();
        auditLog.recordAs(p.admin().getUsername(), AuditEvent.of("ANOMALY_DECIDED", "DailyReview", entityId)
                .inProject(p.projectId(), p.s().site().town().getId())
                .change(null, Map.of("anomaly", key, "decision", "ACCEPTED", "reason", "已核实", "workers", List.of(half.getId())))
                .detail(key));
        String byHand = page(get("/audit").param("entityType", "DailyReview").param("entityId", entityId));
        assertThat(byHand).doesNotContain("HAND_RECORDED:")
                .contains("audit-detail\">手工录入签到：" + p.staff().displayName() + "<")
                .contains("audit-after\">已认可<");
        assertThat(page(get("/audit").param("entityType", "DailyReview").param("entityId", entityId).param("lang", "en")))
                .contains("audit-detail\">Entered by hand: " + p.staff().displayName() + "<")
                .contains("audit-after\">1 person: " + halfDay + "<");
    }

    @Test
    void codedValuesAreShownByTheLabelsOfTheirOwnScreens() throws Exception {
        String post = entity();
        auditLog.recordAs(p.admin().getUsername(), AuditEvent.of("PUBLIC_POST_PUBLISHED", "PublicPost", post)
                .inTown(p.s().site().town().getId()).change(null, Map.of("kind", "POLICY", "title", "劳务报酬发放说明")));
        String page = page(get("/audit").param("entityType", "PublicPost").param("entityId", post));
        assertThat(page).contains("audit-after\">政策宣传<").doesNotContain(">POLICY<");
        assertThat(page(get("/audit").param("entityType", "PublicPost").param("entityId", post).param("lang", "en")))
                .contains("audit-after\">Policy note<");
        // the project's town by its name, as the project's creation wrote it
        String created = page(get("/audit").param("projectId", String.valueOf(p.projectId())).param("action", "PROJECT_CREATED"));
        assertThat(Pattern.compile(">乡镇</span>:\\s*<span class=\"audit-after\">" + Pattern.quote(p.s().site().town().getName()) + "<")
                .matcher(created).find()).as("town by name").isTrue();
        String project = entity();
        auditLog.recordAs(p.admin().getUsername(), AuditEvent.of("PROJECT_UPDATED", "Project", project)
                .inTown(p.s().site().town().getId())
                .change(Map.of("contractingMode", "DIRECT", "entityKind", "VILLAGE_COLLECTIVE_COMPANY", "skillType", "TRANSPORT"),
                        Map.of("contractingMode", "TENDER", "entityKind", "OTHER", "skillType", "DAM_BUILDING")));
        String codes = page(get("/audit").param("entityType", "Project").param("entityId", project));
        assertThat(codes).contains("audit-before\">直接发包<", "audit-after\">招投标<", "audit-before\">运输<", "audit-after\">筑坝<")
                .doesNotContain(">DIRECT<", ">TRANSPORT<", ">DAM_BUILDING<", ">VILLAGE_COLLECTIVE_COMPANY<");
    }

    @Test
    void moneyIsShownWithTwoDecimalsAndThousandsSeparators() throws Exception {
        flow.released(p);
        String page = page(get("/audit").param("projectId", String.valueOf(p.projectId())).param("action", "PAYOUT_BATCH_RELEASED"));
        // three workers with five full days at 160 yuan (800.00) and one with four and a half (720.00)
        assertThat(page).contains("audit-after\">3,120.00<").doesNotContain(">3120.0<", ">3120.00<");
        String team = entity();
        auditLog.recordAs(p.admin().getUsername(), AuditEvent.of("TEAM_UPDATED", "WorkTeam", team)
                .inProject(p.projectId(), p.s().site().town().getId())
                .change(Map.of("dayRate", 150.5), Map.of("dayRate", 1234567.5)));
        assertThat(page(get("/audit").param("entityType", "WorkTeam").param("entityId", team)))
                .contains("audit-before\">150.50<", "audit-after\">1,234,567.50<");
        String transfer = entity();
        auditLog.recordAs(p.admin().getUsername(), AuditEvent.of("ASSET_TRANSFER_SAVED", "AssetTransfer", transfer)
                .inProject(p.projectId(), p.s().site().town().getId())
                .change(null, Map.of("valuation", 5410000.00, "guaranteedDividend", 200000, "equityPercent", 35.00,
                        "projectId", p.projectId())));
        assertThat(page(get("/audit").param("entityType", "AssetTransfer").param("entityId", transfer)))
                .contains("audit-after\">5,410,000.00<", "audit-after\">200,000.00<", "audit-after\">35.00%<")
                .contains("audit-after\">" + p.s().site().project().getCode() + " " + p.s().site().project().getName() + "<");
    }

    @Test
    void listsOfWorkersAreShownByTheirNumberAndWhenShortByName() throws Exception {
        String training = entity();
        auditLog.recordAs(p.admin().getUsername(), AuditEvent.of("TRAINING_ATTENDEES_ADDED", "TrainingSession", training)
                .inTown(p.s().site().town().getId())
                .change(null, Map.of("added", 7, "workers", List.of(44, 63, 215, 25, 50, 79, 220))));
        String many = page(get("/audit").param("entityType", "TrainingSession").param("entityId", training));
        assertThat(many).contains("audit-after\">7 人<").doesNotContain("44, 63", "44、63");
        Worker a = p.crew().get(0);
        Worker b = p.crew().get(1);
        String few = entity();
        auditLog.recordAs(p.admin().getUsername(), AuditEvent.of("TRAINING_ATTENDEES_ADDED", "TrainingSession", few)
                .inTown(p.s().site().town().getId())
                .change(null, Map.of("added", 2, "workers", List.of(a.getId(), b.getId()))));
        assertThat(page(get("/audit").param("entityType", "TrainingSession").param("entityId", few)))
                .contains("audit-after\">2 人：" + a.getName() + " " + a.getWorkerCode() + "、" + b.getName() + " "
                        + b.getWorkerCode() + "<");
        assertThat(page(get("/audit").param("entityType", "TrainingSession").param("entityId", training).param("lang", "en")))
                .contains("audit-after\">7 people<");
    }

    @Test
    void instantsAreShownInTheProjectsZoneToTheMinute() throws Exception {
        Worker worker = p.crew().get(0);
        String punch = entity();
        auditLog.recordAs(p.staff().getUsername(), AuditEvent.of("PUNCH_RECORDED", "Punch", punch)
                .inProject(p.projectId(), p.s().site().town().getId())
                .change(null, Map.of("day", "2025-05-27", "slot", "AM", "source", "ROLL_CALL", "workerId", worker.getId(),
                        "punchedAt", "2025-05-26T23:30:00Z")));
        String page = page(get("/audit").param("entityType", "Punch").param("entityId", punch));
        assertThat(page).contains("audit-after\">2025-05-27 07:30<").doesNotContain("2025-05-26T23:30:00Z")
                .contains("audit-after\">" + worker.getName() + " " + worker.getWorkerCode() + "<")
                .contains("audit-after\">上午<", "audit-after\">点名签到<");
        // a sign-in taken at roll call: its time in the project's zone, its half of the day in words, in the record's name too
        p.s().rollCall(worker, 8, 5);
        String rollCall = page(get("/audit").param("projectId", String.valueOf(p.projectId())).param("action", "PUNCH_RECORDED"));
        String day = p.s().day().toString();
        assertThat(rollCall).contains(worker.getName() + " " + worker.getWorkerCode() + " · " + day + " 上午 · ")
                .contains("audit-after\">" + day + " 08:05<").doesNotContain(day + " AM", "T00:05:00Z");
        assertThat(page(get("/audit").param("projectId", String.valueOf(p.projectId())).param("action", "PUNCH_RECORDED")
                .param("lang", "en"))).contains(worker.getName() + " " + worker.getWorkerCode() + " · " + day + " AM · ");
        // the notice period's end, as the publicizing writes it
        flow.publicized(p);
        String notice = page(get("/audit").param("projectId", String.valueOf(p.projectId())).param("action", "PAYOUT_BATCH_PUBLICIZED"));
        assertThat(Pattern.compile("audit-after\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}<").matcher(notice).find()).isTrue();
        assertThat(notice).doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }

    @Test
    void detailsWrittenInEnglishWordsReadInThePagesLanguage() throws Exception {
        String worker = entity();
        auditLog.recordAs(p.staff().getUsername(), AuditEvent.of("WORKER_REGISTERED", "Worker", worker)
                .inProject(p.projectId(), p.s().site().town().getId()).detail("roster import"));
        assertThat(page(get("/audit").param("entityType", "Worker").param("entityId", worker)))
                .contains("audit-detail\">花名册导入<").doesNotContain("roster import");
        String project = entity();
        auditLog.recordAs(p.staff().getUsername(), AuditEvent.of("ROSTER_IMPORTED", "Project", project)
                .inProject(p.projectId(), p.s().site().town().getId()).detail("110 rows from 花名册.csv"));
        assertThat(page(get("/audit").param("entityType", "Project").param("entityId", project)))
                .contains("audit-detail\">从 花名册.csv 导入 110 行<");
        assertThat(page(get("/audit").param("entityType", "Project").param("entityId", project).param("lang", "en")))
                .contains("audit-detail\">110 rows from 花名册.csv<");
        // a failed sign-in says why, as the sign-in page does
        accounts.recordFailedLogin(p.finance().getUsername(), "bad");
        assertThat(page(get("/audit").param("actor", p.finance().getUsername()).param("action", "LOGIN_FAILED")))
                .contains("audit-detail\">用户名或密码错误<").doesNotContain("audit-detail\">bad<");
    }

    private static String entity() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(p.admin()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
