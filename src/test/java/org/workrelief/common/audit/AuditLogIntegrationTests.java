package org.workrelief.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;

@IntegrationTest
class AuditLogIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordsWhoWhenWhatAndTheStateBeforeAndAfterAsJson() {
        String id = Fixtures.unique("rec");
        auditLog.recordAs("li.si", AuditEvent.of("THING_CHANGED", "Thing", id).inTown(7L)
                .change(Map.of("days", 1), Map.of("days", 0.5)).detail("fixed a typo"));

        assertThat(auditLog.historyOf("Thing", id)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("li.si");
            assertThat(entry.action()).isEqualTo("THING_CHANGED");
            assertThat(entry.townId()).isEqualTo(7L);
            assertThat(entry.before()).contains("\"days\": 1");
            assertThat(entry.after()).contains("\"days\": 0.5");
            assertThat(entry.detail()).isEqualTo("fixed a typo");
            assertThat(entry.occurredAt()).isNotNull();
        });
    }

    @Test
    void anEntryWithoutATownReadsBackWithoutOne() {
        String id = Fixtures.unique("notown");
        auditLog.recordAs("li.si", AuditEvent.of("X", "Thing", id));
        assertThat(auditLog.historyOf("Thing", id)).singleElement().satisfies(e -> assertThat(e.townId()).isNull());
    }

    /**
     * The schema's owner, not the application: the runtime role may not even try to change the log
     * (RuntimeRoleTests); the triggers stand for the owner too.
     */
    private final JdbcTemplate owner = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
            org.workrelief.support.TestDatabase.get().jdbcUrl(), org.workrelief.support.TestDatabase.get().username(),
            org.workrelief.support.TestDatabase.get().password()));

    @Test
    void theDatabaseRefusesToUpdateAnAuditRecord() {
        String id = Fixtures.unique("upd");
        auditLog.record(AuditEvent.of("X", "Thing", id));
        assertThatThrownBy(() -> owner.update("update audit_log set actor = 'forger' where entity_id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(auditLog.historyOf("Thing", id)).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo(Actors.SYSTEM));
    }

    @Test
    void theDatabaseRefusesToDeleteAnAuditRecord() {
        String id = Fixtures.unique("del");
        auditLog.record(AuditEvent.of("X", "Thing", id));
        assertThatThrownBy(() -> owner.update("delete from audit_log where entity_id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(auditLog.historyOf("Thing", id)).hasSize(1);
    }

    @Test
    void theDatabaseRefusesToTruncateTheAuditLog() {
        auditLog.record(AuditEvent.of("X", "Thing", Fixtures.unique("trunc")));
        assertThatThrownBy(() -> owner.execute("truncate audit_log"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_log", Long.class)).isPositive();
    }
}
