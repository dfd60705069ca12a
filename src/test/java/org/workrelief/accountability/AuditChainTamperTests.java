package org.workrelief.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.accountability.AuditChainVerifier.Check;
import org.workrelief.accountability.AuditChainVerifier.Failure;
import org.workrelief.common.audit.AuditChain;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.TestDatabase;

/**
 * Rewrites of history by someone who can switch the database's triggers off (the superuser), each on
 * a chain of its own, in a database of its own (the shared one's chains stay intact for the others):
 * the verification names the entry, the page shows it, every administrator's home page warns, and
 * the operator's command exits with 1.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditChainTamperTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwnDatabase(registry, "audit_chain_tamper");
    }

    @Autowired PayoutFlow flow;
    @Autowired AuditChainVerifier verifier;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired org.springframework.context.ConfigurableApplicationContext context;

    @Autowired org.flywaydb.core.Flyway flyway;

    /**
     * As the superuser (the owner Flyway migrates as; the application's runtime role may do none of this):
     * triggers off, one statement, triggers on.
     */
    private void asSuperuser(String statement, Object... parameters) {
        JdbcTemplate owner = new JdbcTemplate(flyway.getConfiguration().getDataSource());
        owner.execute("alter table audit_log disable trigger user");
        try {
            owner.update(statement, parameters);
        }
        finally {
            owner.execute("alter table audit_log enable trigger user");
        }
    }

    private static Failure failureOf(Check check, String chain) {
        return check.failures().stream().filter(f -> f.chain().equals(chain)).findFirst().orElse(null);
    }

    @Test
    void changingThePayoutApproversNameIsFoundAtThatEntryOnThePageAndOnEveryAdministratorsHomePage() throws Exception {
        PaidSite p = flow.site();
        PayoutBatch approved = flow.approved(p);
        String chain = AuditChain.projectChain(p.projectId());
        assertThat(failureOf(verifier.verifyAll("test"), chain)).isNull();
        long entry = jdbc.queryForObject("""
                select id from audit_log where action = 'PAYOUT_BATCH_APPROVED' and entity_id = ?
                """, Long.class, String.valueOf(approved.id()));

        asSuperuser("update audit_log set actor = 'someone-else' where id = ?", entry);

        Check check = verifier.verifyAll("test");
        assertThat(check.intact()).isFalse();
        Failure failure = failureOf(check, chain);
        assertThat(failure).isNotNull();
        assertThat(failure.entryId()).isEqualTo(entry);
        assertThat(failure.problem()).isEqualTo("HASH_MISMATCH");
        assertThat(failure.townId()).isEqualTo(p.s().site().town().getId());

        String page = mvc.perform(get("/audit/integrity").with(user(p.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"audit-integrity-failures\"").contains("data-entry=\"" + entry + "\"")
                .contains("内容与校验值不符", "记录中的校验值为 ", p.s().site().project().getCode());

        SignedInUser otherTownsAdmin = Principals.of(new Fixtures(accounts).user(Role.ADMIN, new Fixtures(accounts).town()));
        for (SignedInUser admin : new SignedInUser[] { p.admin(), otherTownsAdmin }) {
            assertThat(mvc.perform(get("/").with(user(admin))).andReturn().getResponse().getContentAsString())
                    .contains("id=\"audit-chain-broken\"");
        }
        // another town's administrator sees that the county's check failed, not this town's entries
        assertThat(mvc.perform(get("/audit/integrity").with(user(otherTownsAdmin))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("data-entry=\"" + entry + "\"");
        assertThat(mvc.perform(get("/").with(user(p.staff()))).andReturn().getResponse().getContentAsString())
                .doesNotContain("audit-chain-broken");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new AuditVerifyCommand(verifier, context).verify(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("BROKEN " + chain + ": entry id " + entry);
    }

    @Test
    void removingAnEntryFromTheMiddleOfAChainIsFoundAtTheNextEntry() {
        PaidSite p = flow.site();
        String chain = AuditChain.projectChain(p.projectId());
        long[] entries = jdbc.queryForList("select id from audit_log where chain = ? order by chain_seq", Long.class, chain)
                .stream().mapToLong(Long::longValue).toArray();
        assertThat(entries.length).isGreaterThan(3);

        asSuperuser("delete from audit_log where id = ?", entries[1]);

        Failure failure = failureOf(verifier.verifyAll("test"), chain);
        assertThat(failure).isNotNull();
        assertThat(failure.entryId()).isEqualTo(entries[2]);
        assertThat(failure.problem()).isEqualTo("OUT_OF_SEQUENCE");
    }

    @Test
    void cuttingOffAChainsEndAfterAnIntactCheckIsFound() {
        PaidSite p = flow.site();
        String chain = AuditChain.projectChain(p.projectId());
        assertThat(failureOf(verifier.verifyAll("test"), chain)).isNull();
        long last = jdbc.queryForObject("select max(chain_seq) from audit_log where chain = ?", Long.class, chain);

        asSuperuser("delete from audit_log where chain = ? and chain_seq >= ?", chain, last - 1);

        Failure failure = failureOf(verifier.verifyAll("test"), chain);
        assertThat(failure).isNotNull();
        assertThat(failure.problem()).isEqualTo("CUT_SHORT");
        assertThat(failure.chainSeq()).isEqualTo(last - 2);
    }

    @Test
    void aTownsAdministratorChecksTheTownsChainsAndACheckRunFromThePageIsShown() throws Exception {
        PaidSite p = flow.site();
        mvc.perform(post("/audit/integrity").with(user(p.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Long scope = jdbc.queryForObject("select scope_town_id from audit_chain_check order by id desc limit 1", Long.class);
        assertThat(scope).isEqualTo(p.s().site().town().getId());
        mvc.perform(get("/audit/integrity").with(user(p.staff()))).andExpect(status().isForbidden());
        mvc.perform(post("/audit/integrity").with(user(p.staff())).with(csrf())).andExpect(status().isForbidden());
    }
}
