package org.workrelief.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.common.time.ApplicationClock;

/**
 * Sign-ins by the team leaders' roll call, entered as they are taken: most workers twice a day, a
 * few only in the morning (half days, for the daily review), the rest absent that day.
 */
final class RollCall {

    private final PunchService punches;
    private final JdbcTemplate jdbc;
    private final ApplicationClock clock;
    private final Random random;

    RollCall(PunchService punches, JdbcTemplate jdbc, ApplicationClock clock, Random random) {
        this.punches = punches;
        this.jdbc = jdbc;
        this.clock = clock;
        this.random = random;
    }

    /** Each of {@code days}: a worker is there with {@code presentPercent}, and leaves at noon with {@code halfDayPercent}. */
    void take(long projectId, String recordedBy, List<LocalDate> days, int presentPercent, int halfDayPercent) {
        List<Long> workers = jdbc.queryForList(
                "select worker_id from enrollment where project_id = ? and left_on is null order by id", Long.class,
                projectId);
        ZoneId zone = clock.getZone();
        for (LocalDate day : days) {
            for (long workerId : workers) {
                if (random.nextInt(100) >= presentPercent) {
                    continue;
                }
                punch(projectId, workerId, day.atTime(7, 30).plusMinutes(random.nextInt(40)).atZone(zone).toInstant(),
                        recordedBy);
                if (random.nextInt(100) >= halfDayPercent) {
                    punch(projectId, workerId,
                            day.atTime(13, 30).plusMinutes(random.nextInt(25)).atZone(zone).toInstant(), recordedBy);
                }
            }
        }
    }

    /** A terminal's sign-in that reaches the server only at {@code sentAt} (a back-fill). */
    void sentLate(long projectId, String workerCode, Instant at, String device, Instant sentAt) {
        clock.replayAt(sentAt, () -> punches.punch(PunchRequest.byWorkerCode(projectId, workerCode, at,
                PunchSource.DEVICE, device, "device:" + device, null, null)));
    }

    private void punch(long projectId, long workerId, Instant at, String recordedBy) {
        // entered a few minutes after the worker was seen, as on the day
        clock.replayAt(at.plusSeconds(180), () -> punches.punch(
                PunchRequest.byWorkerId(projectId, workerId, at, PunchSource.ROLL_CALL, recordedBy)));
    }
}
