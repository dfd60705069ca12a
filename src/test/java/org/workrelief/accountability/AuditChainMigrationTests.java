package org.workrelief.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.workrelief.common.audit.AuditChain;
import org.workrelief.common.audit.AuditChain.Link;
import org.workrelief.support.TestDatabase;

/**
 * V26 on a database that already has an audit log: the rows written before it are chained by the
 * migration (each chain in the order of the ids), to the hashes Java computes, and the next row
 * written follows on.
 */
class AuditChainMigrationTests {

    @Test
    void theMigrationChainsTheRowsWrittenBeforeIt() throws Exception {
        TestDatabase server = TestDatabase.get();
        String url = server.createDatabase("audit_chain_backfill");
        Flyway.configure().dataSource(url, server.username(), server.password()).locations("classpath:db/migration")
                .target("25").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into audit_log (occurred_at, actor, action, entity_type, entity_id, town_id, project_id,
                                           before_state, after_state, detail)
                    values ('2025-06-01 08:00+08', 'a|b', 'X', 'Thing', '1', 3, 12, '{"k": "v"}', null, 'x\\y'),
                           ('2025-06-01 08:01+08', 'c', 'Y', null, null, 3, null, null, '[1, 2]', null),
                           ('2025-06-01 08:02+08', 'd', 'Z', 'Thing', '2', 3, 12, null, null, '第二条'),
                           ('2025-06-01 08:03+08', 'e', 'LOGIN_FAILED', null, null, null, null, null, null, null),
                           ('2025-06-01 08:04+08', 'f', 'Z', 'Thing', '3', 3, 12, null, null, null)
                    """);
            Flyway.configure().dataSource(url, server.username(), server.password()).locations("classpath:db/migration")
                    .load().migrate();
            statement.execute("insert into audit_log (occurred_at, actor, action, town_id, project_id) values (now(), 'g', 'W', 3, 12)");

            String chain = null;
            String previous = null;
            int rows = 0;
            try (ResultSet rs = statement.executeQuery("""
                    select id, chain, chain_seq, occurred_at, actor, action, entity_type, entity_id, town_id, project_id,
                           before_state::text as b, after_state::text as a, detail, hash from audit_log order by chain, chain_seq
                    """)) {
                while (rs.next()) {
                    rows++;
                    Link link = new Link(rs.getLong("id"), rs.getString("chain"), rs.getLong("chain_seq"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                            rs.getString("entity_type"), rs.getString("entity_id"), rs.getObject("town_id", Long.class),
                            rs.getObject("project_id", Long.class), rs.getString("b"), rs.getString("a"), rs.getString("detail"));
                    if (!link.chain().equals(chain)) {
                        chain = link.chain();
                        previous = null;
                    }
                    assertThat(link.chain()).isEqualTo(AuditChain.chainOf(link.townId(), link.projectId()));
                    assertThat(AuditChain.hash(link, previous)).as("entry %s", link.id()).isEqualTo(rs.getString("hash"));
                    previous = rs.getString("hash");
                }
            }
            assertThat(rows).isEqualTo(6);
            try (ResultSet rs = statement.executeQuery(
                    "select string_agg(chain || '#' || chain_seq || '@' || id, ',' order by id) from audit_log")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("project:12#1@1,town:3#1@2,project:12#2@3,county#1@4,project:12#3@5,project:12#4@6");
            }
        }
    }
}
