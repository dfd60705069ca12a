package org.workrelief.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.workrelief.support.TestDatabase;

/**
 * V23: the objections recorded during payout notices become complaints of the batch's town, on the same
 * batch and line, open or resolved as they were, numbered by the year they were recorded in; their table goes.
 */
class ObjectionMigrationTests {

    @Test
    void objectionsBecomeComplaintsOnTheirBatchAndLine() {
        TestDatabase server = TestDatabase.get();
        String url = server.createDatabase("objections_to_complaints");
        Flyway.configure().dataSource(url, server.username(), server.password()).locations("classpath:db/migration")
                .target("21").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, server.username(), server.password()));
        long town = id(jdbc, "insert into town (code, name, created_at, updated_at) values ('MT', '迁移镇', now(), now()) returning id");
        long project = id(jdbc, """
                insert into project (code, name, town_id, villages, entity_name, entity_kind, entity_credit_code,
                                     contracting_mode, status, created_at, updated_at)
                values ('MT-01', '迁移项目', ?, '前埠村', '某公司', 'OTHER', '91370285MA00000000', 'TENDER', 'UNDER_CONSTRUCTION',
                        now(), now()) returning id""", town);
        long team = id(jdbc, """
                insert into work_team (project_id, name, skill_type, day_rate, created_at, updated_at)
                values (?, '一组', 'OTHER', 160, now(), now()) returning id""", project);
        long worker = id(jdbc, """
                insert into worker (worker_code, town_id, name, id_number_cipher, id_number_hash, id_number_masked,
                                    birth_date, sex, village, household_status, created_at, updated_at)
                values ('MT000001', ?, '王小明', 'x', 'h', '3702**********0011', '1970-01-01', 'MALE', '前埠村',
                        'ORDINARY', now(), now()) returning id""", town);
        long batch = id(jdbc, """
                insert into payout_batch (project_id, period_from, period_to, status, prepared_by, created_at, updated_at)
                values (?, '2025-05-01', '2025-05-31', 'PUBLICIZED', 'staff', now(), now()) returning id""", project);
        long line = id(jdbc, """
                insert into payout_line (batch_id, worker_id, team_id, team_name, full_days, half_days, days, day_rate,
                                         amount_due, amount_payable, created_at, updated_at)
                values (?, ?, ?, '一组', 5, 0, 5, 160, 800, 800, now(), now()) returning id""", batch, worker, team);
        // Thursday 5 June 2025 in Shanghai; the second on Friday 6 June, resolved
        jdbc.update("""
                insert into payout_objection (batch_id, line_id, raised_by, content, status, created_at, created_by, updated_at, updated_by)
                values (?, ?, '王小明（本人）', '少记半天', 'OPEN', '2025-06-05 02:00+00', 'js-staff', '2025-06-05 02:00+00', 'js-staff')
                """, batch, line);
        jdbc.update("""
                insert into payout_objection (batch_id, line_id, raised_by, content, status, resolution, resolved_by, resolved_at,
                                              version, created_at, created_by, updated_at, updated_by)
                values (?, null, '村民李四', '名单有误', 'RESOLVED', '已核实', 'js-admin', '2025-06-06 08:00+00', 1,
                        '2025-06-06 01:00+00', 'js-staff', '2025-06-06 08:00+00', 'js-admin')
                """, batch);

        Flyway.configure().dataSource(url, server.username(), server.password()).locations("classpath:db/migration")
                .load().migrate();

        List<Map<String, Object>> rows = jdbc.queryForList("select * from complaint order by number");
        assertThat(rows).hasSize(2);
        Map<String, Object> open = rows.get(0);
        assertThat(open).containsEntry("number", "WQ-2025-000001").containsEntry("town_id", town)
                .containsEntry("worker_id", worker).containsEntry("batch_id", batch).containsEntry("line_id", line)
                .containsEntry("project_id", project).containsEntry("status", "ACCEPTED").containsEntry("channel", "NOTICE")
                .containsEntry("owner", "js-staff").containsEntry("raised_by", "王小明（本人）");
        assertThat(open.get("deadline").toString()).as("five working days after Thursday").isEqualTo("2025-06-12");
        Map<String, Object> resolved = rows.get(1);
        assertThat(resolved).containsEntry("number", "WQ-2025-000002").containsEntry("status", "RESOLVED")
                .containsEntry("answer", "已核实").containsEntry("answered_by", "js-admin").containsEntry("line_id", null);
        assertThat(resolved.get("deadline").toString()).as("five working days after Friday").isEqualTo("2025-06-13");
        assertThat(jdbc.queryForList("select status from complaint_step where complaint_id = ? order by id", String.class,
                resolved.get("id"))).containsExactly("ACCEPTED", "RESOLVED");
        assertThat(jdbc.queryForObject("select last from complaint_number where year = 2025", Integer.class))
                .as("the next number follows the migrated ones").isEqualTo(2);
        assertThat(jdbc.queryForObject("select to_regclass('payout_objection') is null", Boolean.class)).isTrue();
    }

    private static long id(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
