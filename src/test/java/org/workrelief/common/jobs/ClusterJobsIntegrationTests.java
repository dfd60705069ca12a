package org.workrelief.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/**
 * One instance's side of a cluster job: what is written down, what commits with the run and what a
 * failure leaves. Two instances at once: {@code TwoInstancesTests}.
 */
@IntegrationTest
class ClusterJobsIntegrationTests {

    @Autowired
    ClusterJobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    String job;

    @BeforeEach
    void setUp() {
        clock.reset();
        job = Fixtures.unique("job");
    }

    @Test
    void periodsAreCutIntoSlotsAlignedOnTheEpoch() {
        assertThat(ClusterJobs.slotOf(Instant.parse("2025-06-03T01:07:59.999Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2025-06-03T01:00:00Z"));
        assertThat(ClusterJobs.slotOf(Instant.parse("2025-06-03T01:10:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2025-06-03T01:10:00Z"));
        assertThat(ClusterJobs.slotOf(Instant.parse("2025-06-03T23:59:00Z"), Duration.ofDays(1)))
                .isEqualTo(Instant.parse("2025-06-03T00:00:00Z"));
        assertThatThrownBy(() -> ClusterJobs.slotOf(Instant.EPOCH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunIsRecordedWithThisInstanceAndTheClocksTimesAndCommitsWithTheWorkItDid() {
        String code = Fixtures.unique("JOB");
        boolean ran = jobs.runOncePer(job, Duration.ofMinutes(10), () -> {
            insertTown(code);
            clock.advance(Duration.ofSeconds(3));
        });

        assertThat(ran).isTrue();
        assertThat(townExists(code)).isTrue();
        assertThat(jdbc.queryForMap("""
                select instance_id, slot_start, started_at, finished_at, outcome from job_run where job_name = ?
                """, job)).containsEntry("instance_id", jobs.instanceId())
                .containsEntry("outcome", "DONE")
                .containsEntry("slot_start", java.sql.Timestamp.from(Instant.parse("2025-06-03T01:00:00Z")))
                .containsEntry("started_at", java.sql.Timestamp.from(MutableClock.START))
                .containsEntry("finished_at", java.sql.Timestamp.from(MutableClock.START.plusSeconds(3)));
    }

    @Test
    void aFailedRunUndoesItsWorkIsRecordedAsFailedAndLeavesTheSlotToTheNextTry() {
        String code = Fixtures.unique("JOB");
        assertThatThrownBy(() -> jobs.runOncePer(job, Duration.ofMinutes(10), () -> {
            insertTown(code);
            throw new IllegalStateException("bank file server not answering");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(townExists(code)).isFalse();
        assertThat(jdbc.queryForList("select outcome || ' ' || detail from job_run where job_name = ?", String.class, job))
                .containsExactly("FAILED java.lang.IllegalStateException: bank file server not answering");

        assertThat(jobs.runOncePer(job, Duration.ofMinutes(10), () -> insertTown(code))).isTrue();
        assertThat(townExists(code)).isTrue();
        assertThat(jdbc.queryForList("select outcome from job_run where job_name = ? order by id", String.class, job))
                .containsExactly("FAILED", "DONE");
    }

    private void insertTown(String code) {
        jdbc.update("insert into town (code, name, created_at, updated_at) values (?, ?, now(), now())", code,
                "作业镇" + code);
    }

    private boolean townExists(String code) {
        return jdbc.queryForObject("select count(*) from town where code = ?", Long.class, code) == 1;
    }
}
