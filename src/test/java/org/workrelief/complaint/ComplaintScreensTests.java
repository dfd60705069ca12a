package org.workrelief.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.complaint.ComplaintService.NewComplaint;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.payout.PayoutLine;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.worker.Worker;

/** 维权投诉 on screen: the list, the form, one complaint, the batch page's objections and the home pages. */
@IntegrationTest
class ComplaintScreensTests {

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired ComplaintService complaints;
    @Autowired PayoutBatches batches;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;

    PaidSite p;
    Worker worker;

    @BeforeEach
    void setUp() {
        p = flow.site();
        worker = p.crew().get(2);
    }

    private Complaint taken() {
        return complaints.record(p.staff(), new NewComplaint(worker.getWorkerCode(), ComplaintChannel.IN_PERSON,
                ComplaintKind.ATTENDANCE, null, PaidSite.FROM, "5月26日上午签到未记上", null, null));
    }

    @Test
    void aClerkFindsTheWorkerRecordsTheComplaintAndLandsOnItsPage() throws Exception {
        mvc.perform(get("/complaints/new").param("code", "NOPE0000").with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"worker-not-found\"")))
                .andExpect(content().string(not(containsString("id=\"complaint-form\""))));
        mvc.perform(get("/complaints/new").param("code", worker.getWorkerCode()).with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(worker.getName())))
                .andExpect(content().string(containsString("扣款有异议")))
                .andExpect(content().string(containsString("办理期限为受理之日起 5 个工作日")));
        mvc.perform(get("/complaints/new").param("code", worker.getWorkerCode()).param("lang", "en").with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deduction disputed")))
                .andExpect(content().string(containsString("5 working days")));

        String location = mvc.perform(post("/complaints").with(user(p.staff())).with(csrf())
                        .param("code", worker.getWorkerCode()).param("channel", "PHONE").param("kind", "WAGE_NOT_RECEIVED")
                        .param("content", "五月工资至今未到账").param("contact", "13900000000")
                        .param("owner", p.staff().getUsername()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "complaint.recorded"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/complaints/\\d+");
        mvc.perform(get(location).with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工资未到账")))
                .andExpect(content().string(containsString("五月工资至今未到账")))
                .andExpect(content().string(containsString("已受理")))
                .andExpect(content().string(containsString("id=\"complaint-start\"")))
                .andExpect(content().string(containsString("办理记录")));
        mvc.perform(get(location).param("lang", "en").with(user(p.staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Wages not received")))
                .andExpect(content().string(containsString("Accepted")))
                .andExpect(content().string(containsString("History")));
    }

    @Test
    void anIncompleteComplaintIsRefusedOnTheForm() throws Exception {
        mvc.perform(post("/complaints").with(user(p.staff())).with(csrf()).param("code", worker.getWorkerCode())
                        .param("kind", "OTHER").param("content", " "))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failure", "complaint.content.required"));
    }

    @Test
    void theListFiltersByStatusAndOverdueInBothLanguages() throws Exception {
        Complaint c = taken();
        mvc.perform(get("/complaints").with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"complaint-" + c.id() + "\"")))
                .andExpect(content().string(containsString("考勤不符")));
        mvc.perform(get("/complaints").param("status", "RESOLVED").with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"complaint-" + c.id() + "\""))));
        mvc.perform(get("/complaints").param("overdue", "true").with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"complaint-" + c.id() + "\""))));
        clock.set(ComplaintTests.at(c.deadline().plusDays(1)));
        mvc.perform(get("/complaints").param("overdue", "true").param("lang", "en").with(user(p.staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"complaint-" + c.id() + "\"")))
                .andExpect(content().string(containsString("Overdue")))
                .andExpect(content().string(containsString("Attendance does not match")));
    }

    @Test
    void onlyClerksSeeComplaintsAndOnlyTheOwnerOrAnAdministratorActsOnOne() throws Exception {
        Complaint c = taken();
        mvc.perform(get("/complaints").with(user(p.finance()))).andExpect(status().isForbidden());
        mvc.perform(get("/complaints/{id}", c.id()).with(user(p.s().onDuty()))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(user(p.finance())))
                .andExpect(content().string(not(containsString("id=\"nav-complaints\""))));
        mvc.perform(get("/").with(user(p.staff()))).andExpect(content().string(containsString("id=\"nav-complaints\"")));

        SignedInUser otherClerk = Principals.of(new Fixtures(accounts).user(Role.STAFF, p.s().site().town()));
        mvc.perform(get("/complaints/{id}", c.id()).with(user(otherClerk)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"complaint-actions\""))));
        mvc.perform(post("/complaints/{id}/start", c.id()).with(user(otherClerk)).with(csrf())
                        .param("version", String.valueOf(c.version())))
                .andExpect(flash().attribute("failure", "complaint.notOwner"));
        mvc.perform(get("/complaints/{id}", c.id()).with(user(p.admin())))
                .andExpect(content().string(containsString("id=\"complaint-actions\"")))
                .andExpect(content().string(containsString("id=\"complaint-reassign\"")));
        mvc.perform(post("/complaints/{id}/reject", c.id()).with(user(p.staff())).with(csrf())
                        .param("version", String.valueOf(c.version())).param("reason", "当天考勤机记录完整"))
                .andExpect(flash().attribute("success", "complaint.rejected"));
        mvc.perform(get("/complaints/{id}", c.id()).with(user(p.staff())))
                .andExpect(content().string(containsString("已驳回")))
                .andExpect(content().string(containsString("当天考勤机记录完整")))
                .andExpect(content().string(not(containsString("id=\"complaint-actions\""))));
        PaidSite elsewhere = flow.site();
        mvc.perform(get("/complaints/{id}", c.id()).with(user(elsewhere.staff()))).andExpect(status().isNotFound());
    }

    @Test
    void anOverdueComplaintEscalatesToTheCountyAdministratorsHome() throws Exception {
        // accepted long before any other test's complaints, so it is the oldest overdue one in the county
        clock.set(ComplaintTests.at(LocalDate.of(2024, 1, 2)));
        Complaint c = complaints.record(p.staff(), new NewComplaint(worker.getWorkerCode(), ComplaintChannel.PHONE,
                ComplaintKind.OTHER, null, null, "工地欠薪", null, null));
        SignedInUser county = Principals.of(new Fixtures(accounts).user(Role.ADMIN, null));
        String item = "id=\"overdue-complaint-" + c.id() + "\"";
        clock.set(ComplaintTests.at(c.deadline()));
        mvc.perform(get("/").with(user(county))).andExpect(content().string(not(containsString(item))));
        mvc.perform(get("/").with(user(p.staff())))
                .andExpect(content().string(containsString("id=\"my-complaint-" + c.id() + "\"")))
                .andExpect(content().string(not(containsString(item))));

        clock.set(ComplaintTests.at(c.deadline().plusDays(1)));
        mvc.perform(get("/").with(user(county))).andExpect(content().string(containsString(item)))
                .andExpect(content().string(containsString("超期未办结的投诉")));
        mvc.perform(get("/").param("lang", "en").with(user(county)))
                .andExpect(content().string(containsString("Complaints past their deadline")));
        mvc.perform(get("/").with(user(p.admin()))).andExpect(content().string(containsString(item)));
        mvc.perform(get("/").with(user(p.staff()))).andExpect(content().string(containsString(item)));
        mvc.perform(get("/").with(user(flow.site().admin())))
                .andExpect(content().string(not(containsString(item))));
    }

    @Test
    void anObjectionOnTheBatchPageIsAComplaintOnTheBatch() throws Exception {
        PayoutBatch batch = flow.publicized(p);
        PayoutLine line = batches.lines(p.staff(), batch.id()).stream().filter(l -> l.workerId() == worker.getId())
                .findFirst().orElseThrow();
        mvc.perform(post("/payouts/{b}/objections", batch.id()).with(user(p.staff())).with(csrf())
                        .param("lineId", String.valueOf(line.id())).param("kind", "DEDUCTION")
                        .param("raisedBy", "本人").param("content", "扣款 50 元不知缘由"))
                .andExpect(flash().attribute("success", "payout.objection.recorded"));
        Complaint c = complaints.list(p.staff(), ComplaintStatus.ACCEPTED, false,
                org.springframework.data.domain.PageRequest.of(0, 100)).stream()
                .filter(x -> batch.id() == x.batchId()).findFirst().orElseThrow();
        assertThat(c.kind()).isEqualTo(ComplaintKind.DEDUCTION);
        assertThat(c.channel()).isEqualTo(ComplaintChannel.NOTICE);
        assertThat(c.workerId()).isEqualTo(worker.getId());
        mvc.perform(get("/payouts/{b}", batch.id()).with(user(p.staff())))
                .andExpect(content().string(containsString(c.number())))
                .andExpect(content().string(containsString("href=\"/complaints/" + c.id() + "\"")))
                .andExpect(content().string(containsString("扣款有异议")));
        mvc.perform(post("/payouts/objections/{id}/resolve", c.id()).with(user(p.staff())).with(csrf())
                        .param("batchId", String.valueOf(batch.id())).param("version", String.valueOf(c.version()))
                        .param("resolution", "系借支抵扣，已向本人说明"))
                .andExpect(flash().attribute("success", "payout.objection.resolved"));
        assertThat(complaints.get(p.staff(), c.id()).status()).isEqualTo(ComplaintStatus.RESOLVED);
        mvc.perform(get("/complaints/{id}", c.id()).with(user(p.staff())))
                .andExpect(content().string(containsString("系借支抵扣，已向本人说明")))
                .andExpect(content().string(containsString("公示期异议")));
    }
}
