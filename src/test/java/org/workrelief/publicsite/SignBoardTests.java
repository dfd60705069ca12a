package org.workrelief.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.RecordComponent;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.common.PersonalNumbers;
import org.workrelief.complaint.ComplaintBoards;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.worker.WorkerCards;

/**
 * 项目公示牌 (issue 20 §6): each project's public page and its printable A3 board show what the board on site
 * must, with the town's complaint hotlines and no personal number; the QR code leads to the configured public
 * address whatever Host the request named; once completed, the 资金使用公告 gives the figures of the records.
 */
@org.workrelief.support.IntegrationTest
class SignBoardTests {

    static final String SCALE = "新建灌排渠道 3.6 公里，配套节制闸 18 座";

    @Autowired PayoutFlow flow;
    @Autowired MockMvc mvc;
    @Autowired ProjectService projects;
    @Autowired ComplaintBoards complaintBoards;
    @Autowired WorkerCards codes;
    @Value("${workrelief.public-url}") String publicUrl;

    PaidSite p;
    String code;

    @BeforeEach
    void setUp() {
        p = flow.site();
        code = p.s().site().project().getCode();
        complaintBoards.save(p.admin(), new ComplaintBoards.Board("0532-87000001", "0532-87000002", "12345",
                "张守义（村干部）138 5320 0001", null, -1));
    }

    @Test
    void theProjectFormSavesTheSignBoardFieldsAndThePublicPageShowsThemWithoutSignIn() throws Exception {
        ProjectForm form = projects.formOf(p.admin(), p.projectId())
                .withSignBoard(SCALE, "姜山镇强村共富有限公司", "莱西市发展和改革局", "0532-88006110");
        mvc.perform(formPost(form)).andExpect(status().is3xxRedirection());
        assertThat(projects.get(p.admin(), p.projectId()).getSupervisionPhone()).isEqualTo("0532-88006110");

        String page = page("/public/projects/" + code.toLowerCase(Locale.ROOT));
        assertThat(page).contains(p.s().site().project().getName(), SCALE, "姜山镇强村共富有限公司", "莱西市发展和改革局",
                "0532-88006110", p.s().site().project().getEntityName(),
                // the town's complaint hotlines from its 维权信息告示牌
                "0532-87000001", "0532-87000002")
                .contains("id=\"sb-investment\"").doesNotContain("id=\"fund-use\"");
        assertThat(PersonalNumbers.find(page)).as("a full ID, bank card or mobile number on a public page").isEmpty();
        assertThat(page("/public/projects/" + code + "?lang=en")).contains("Scale and content of the works",
                "Supervising office and phone");
        assertThat(page("/public/towns/" + p.s().site().town().getId())).contains("href=\"/public/projects/" + code + "\"");
        mvc.perform(get("/public/projects/NO-SUCH-CODE")).andExpect(status().isNotFound());
    }

    @Test
    void aMobileNumberOnTheSignBoardIsRefusedAndNothingIsSaved() throws Exception {
        ProjectForm form = projects.formOf(p.admin(), p.projectId());
        assertThatThrownBy(() -> projects.update(p.admin(), p.projectId(),
                form.withSignBoard("联系人王师傅 139 1234 5678", null, null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessage("project.signBoard.personal");
        String refused = mvc.perform(formPost(form.withSignBoard(SCALE, null, "镇监督委员会", "13912345678")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("公示牌任何人都能看到");
        assertThat(projects.get(p.admin(), p.projectId()).getScaleContent()).isNull();
    }

    @Test
    void thePrintableBoardIsA3LandscapeAndItsQrCodeLeadsToTheConfiguredAddressNotTheRequestsHost() throws Exception {
        String link = publicUrl.replaceAll("/$", "") + "/public/projects/" + code;
        String board = mvc.perform(get("/public/projects/{c}/board", code).header("Host", "evil.example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(board).contains(codes.qrSvg(link), ">" + link + "<", "href=\"/static/css/sign-board.css\"", "data-print")
                .doesNotContain("evil.example");
        assertThat(PersonalNumbers.find(board)).isEmpty();
        assertThat(page("/static/css/sign-board.css")).contains("size: A3 landscape");
    }

    @Test
    void afterCompletionTheFundUseAnnouncementGivesTheFiguresOfTheRecords() throws Exception {
        flow.released(p); // 3 × 800.00 + 720.00 to four workers, 19.5 days
        ProjectForm form = projects.formOf(p.admin(), p.projectId());
        assertThat(page("/public/projects/" + code)).doesNotContain("id=\"fund-use\"");
        projects.update(p.admin(), p.projectId(), form.withActualCompletion(PaidSite.TO));
        // 3,120.00 of 4,000,000 central funds is below the 30% floor, so the completion needs its explanation
        projects.advance(p.admin(), p.projectId(), ProjectStatus.COMPLETED, "试点项目，机械施工为主");

        String page = page("/public/projects/" + code);
        assertThat(page).contains("id=\"fund-use\"", "资金使用公告");
        assertThat(cell(page, "fu-released")).isEqualTo("3,120.00");
        assertThat(cell(page, "fu-workers")).isEqualTo("4");
        assertThat(cell(page, "fu-days")).isEqualTo("19.5");
        assertThat(cell(page, "fu-average")).isEqualTo("780.00");
        assertThat(page("/public/projects/" + code + "/board")).contains("id=\"fund-use\"");
        assertThat(page("/public/projects/" + code + "?lang=en")).contains("Fund-use announcement");
        assertThat(PersonalNumbers.find(page)).isEmpty();
    }

    /** The edit form posted with every field of {@code form}, as the browser sends it. */
    private MockHttpServletRequestBuilder formPost(ProjectForm form) throws Exception {
        MockHttpServletRequestBuilder request = post("/projects/{id}/edit", p.projectId()).with(user(p.admin())).with(csrf());
        for (RecordComponent component : ProjectForm.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(form);
            request.param(component.getName(), value == null ? "" : value.toString());
        }
        return request;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String cell(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        int start = html.indexOf('>', at) + 1;
        return html.substring(start, html.indexOf('<', start)).trim();
    }
}
