package org.workrelief.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.support.IntegrationTest;

/**
 * The screens of issue 20 §5: the templates page (finance and administrators), a template saved from its form
 * and chosen for a town, the batch page's download in the town's template, finance's choice for a batch, the
 * result page naming the layout it reads, and the worker's account kind on the worker form and page.
 */
@IntegrationTest
class BankTemplateScreensTests {

    @Autowired PayoutFlow flow;
    @Autowired BankTemplates templates;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.workrelief.worker.WorkerService workers;

    PaidSite p;

    @BeforeEach
    void setUp() {
        p = flow.site();
    }

    private String page(String url, org.workrelief.account.SignedInUser who) throws Exception {
        return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void financeSavesATemplateChoosesItForTheTownAndTheBatchPageDownloadsInIt() throws Exception {
        String name = "农商银行 " + System.nanoTime();
        mvc.perform(post("/bank-templates").with(user(p.finance())).with(csrf()).param("name", name)
                        .param("bankName", "莱西农商银行").param("columns", "序号\n姓名=户名\n银行卡号=账号\n账户类型\n金额=金额")
                        .param("resultColumns", "银行卡号=账号\n金额\n结果=处理结果\n交易流水号=流水号").param("encoding", "GBK")
                        .param("format", "CSV").param("headerRow", "true").param("_headerRow", "on").param("_totalsRow", "on")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/bank-templates")).andExpect(flash().attribute("success", "payout.bankTemplate.saved"));
        BankTemplate saved = templates.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.headerRow()).isTrue();
        assertThat(saved.totalsRow()).isFalse();
        assertThat(saved.titles()).containsExactly("序号", "户名", "账号", "账户类型", "金额");

        String list = page("/bank-templates", p.finance());
        assertThat(list).contains(name).contains("序号、户名、账号、账户类型、金额").contains("id=\"town-template-"
                + p.s().site().town().getId() + "\"");
        mvc.perform(post("/bank-templates/towns/{t}", p.s().site().town().getId()).with(user(p.finance())).with(csrf())
                .param("templateId", String.valueOf(saved.id())))
                .andExpect(flash().attribute("success", "payout.bankTemplate.townChosen"));

        PayoutBatch released = flow.released(p);
        String batch = page("/payouts/" + released.id(), p.finance());
        assertThat(batch).contains("id=\"bank-file-template\"").contains("银行代发文件（" + name + "：莱西农商银行 · CSV · GBK）")
                .contains("id=\"bank-file-csv\"").contains("id=\"batch-bank-template\"");
        byte[] file = mvc.perform(get("/payouts/{b}/bank-file", released.id()).with(user(p.finance())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/csv;charset=GBK"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(file, Charset.forName("GBK"))).startsWith("序号,户名,账号,账户类型,金额");
        assertThat(page("/payouts/" + released.id() + "/results", p.finance())).contains("按模板“" + name + "”读取：账号、金额(元)、处理结果、流水号；有表头行，无合计行。");

        // finance sends this batch through the default layout instead
        mvc.perform(post("/payouts/{b}/bank-template", released.id()).with(user(p.finance())).with(csrf())
                .param("templateId", String.valueOf(saved.id())))
                .andExpect(flash().attribute("success", "payout.bankTemplate.batchChosen"));
        assertThat(templates.chosenForBatch(released.id())).isEqualTo(saved.id());
    }

    @Test
    void aTemplateFormWithAnUnknownFieldSaysWhichLine() throws Exception {
        String html = mvc.perform(post("/bank-templates").with(user(p.finance())).with(csrf()).param("name", "坏模板")
                        .param("bankName", "某银行").param("columns", "姓名\n银行卡号\n金额\n工种").param("resultColumns", "银行卡号\n金额\n结果")
                        .param("encoding", "UTF8_BOM").param("format", "XLSX").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("第 4 行的字段“工种”不是可用字段");
    }

    @Test
    void staffAndSupervisorsHaveNoTemplatesPageNorTheLink() throws Exception {
        mvc.perform(get("/bank-templates").with(user(p.staff()))).andExpect(status().isForbidden());
        assertThat(page("/bank-templates?lang=en", p.admin())).contains("Bank file templates").contains("Default layout");
        assertThat(page("/projects", p.staff())).doesNotContain("nav-bank-templates");
        assertThat(page("/projects", p.finance())).contains("nav-bank-templates");
    }

    @Test
    void theWorkerFormAndPageShowTheAccountKind() throws Exception {
        long workerId = p.crew().get(0).getId();
        assertThat(page("/workers/" + workerId + "/edit", p.staff())).contains("name=\"accountKind\"")
                .contains("社会保障卡金融账户").contains("惠民惠农财政补贴“一卡通”");
        var form = workers.formOf(p.staff(), workerId);
        mvc.perform(post("/workers/{id}/edit", workerId).with(user(p.staff())).with(csrf())
                        .param("townId", String.valueOf(form.townId())).param("name", form.name()).param("idNumber", "")
                        .param("phone", form.phone()).param("village", form.village()).param("householdStatus", form.householdStatus().name())
                        .param("bankName", "莱西农商银行").param("bankCard", "").param("accountKind", "SOCIAL_SECURITY_CARD")
                        .param("version", String.valueOf(form.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select account_kind from worker where id = ?", String.class, workerId))
                .isEqualTo("SOCIAL_SECURITY_CARD");
        jdbc.update("update worker set account_kind = 'ONE_CARD' where id = ?", workerId);
        assertThat(page("/workers/" + workerId, p.staff())).containsPattern("id=\"worker-account-kind\">惠民惠农财政补贴“一卡通”<");
        assertThat(page("/workers/" + workerId + "?lang=en", p.staff())).contains("Subsidy &quot;one card&quot;")
                .doesNotContain("??");
    }
}
