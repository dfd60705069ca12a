package org.workrelief.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workrelief.support.RowStamps.micros;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workrelief.support.RowStamps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.attendance.AttendanceSettings;
import org.workrelief.attendance.DeviceTokenService;
import org.workrelief.attendance.SlotWindows;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;

/**
 * The who/when columns of a row written with JdbcClient, as {@link RowStamp} writes them: an insert is created and
 * updated by the user at the clock's instant (version 0); an update and an upsert's second write stamp the update
 * only and move the version on, the creation left as it was.
 */
@IntegrationTest
class RowStampIntegrationTests {

    @Autowired
    DeviceTokenService tokens;

    @Autowired
    AttendanceSettings settings;

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.reset();
        site = ActiveProject.create(accounts, projects, registry, MutableClock.START.atZone(MutableClock.ZONE).toLocalDate());
    }

    @Test
    void anInsertIsStampedCreatedAndUpdatedAndAnUpdateStampsTheUpdateAndMovesTheVersionOn() {
        Instant issued = clock.instant();
        long id = tokens.issue(site.admin(), site.project().getId(), "gate").token().id();
        assertThat(RowStamps.of(jdbc, "device_token", "id", id)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "created_at", micros(issued), "created_by", site.admin().getUsername(),
                "updated_at", micros(issued), "updated_by", site.admin().getUsername(), "version", 0L));

        clock.advance(Duration.ofHours(2));
        Instant revoked = clock.instant();
        tokens.revoke(site.admin(), id);
        assertThat(RowStamps.of(jdbc, "device_token", "id", id)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "created_at", micros(issued), "created_by", site.admin().getUsername(),
                "updated_at", micros(revoked), "updated_by", site.admin().getUsername(), "version", 1L));
    }

    @Test
    void anUpsertsSecondWriteStampsTheStoredRowsUpdateAndMovesItsVersionOn() {
        long projectId = site.project().getId();
        Instant first = clock.instant();
        settings.change(projectId, SlotWindows.DEFAULT, "clerk-a");
        clock.advance(Duration.ofMinutes(30));
        Instant second = clock.instant();
        settings.change(projectId, new SlotWindows(LocalTime.of(6, 0), LocalTime.of(11, 0), LocalTime.of(13, 0),
                LocalTime.of(19, 0), Duration.ofMinutes(90)), "clerk-b");
        assertThat(RowStamps.of(jdbc, "attendance_settings", "project_id", projectId)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "created_at", micros(first), "created_by", "clerk-a",
                "updated_at", micros(second), "updated_by", "clerk-b", "version", 1L));
    }
}
