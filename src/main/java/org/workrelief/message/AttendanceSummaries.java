package org.workrelief.message;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.common.jobs.ClusterJobs;

/**
 * 每日考勤短信 (optional, off by default: the operator's {@code workrelief.messages.attendance-summary.enabled}
 * and, per project, its town administrator's switch, {@link SummarySettings}): in the evening each worker
 * of such a project who signed in that day gets the day's sign-in times as recorded, so a missing or
 * wrong one is noticed the same day, before the committee's review. One message per worker and day.
 */
@Component
class AttendanceSummaries {

    static final String JOB = "attendance-summary";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcTemplate jdbc;
    private final MessageOutbox outbox;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final boolean enabled;

    AttendanceSummaries(JdbcTemplate jdbc, MessageOutbox outbox, ClusterJobs jobs, Clock clock,
            @Value("${workrelief.messages.attendance-summary.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.jobs = jobs;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${workrelief.messages.attendance-summary.cron:0 0 20 * * *}", zone = "${workrelief.zone}")
    boolean run() {
        if (!enabled) {
            return false;
        }
        return jobs.runOncePer(JOB, Duration.ofDays(1), () -> enqueueFor(LocalDate.now(clock)));
    }

    /** Puts the day's summary of each worker who signed in on {@code day} in the outbox; answers how many were added. */
    @Transactional
    int enqueueFor(LocalDate day) {
        List<MessageOutbox.Draft> drafts = new ArrayList<>();
        jdbc.query("""
                select p.project_id, p.worker_id, pr.name,
                       max(p.punched_at) filter (where p.slot = 'AM'), max(p.punched_at) filter (where p.slot = 'PM')
                from sign_in_record p join project_name pr on pr.id = p.project_id
                join project_message_setting s on s.project_id = p.project_id and s.attendance_summary
                where p.work_date = ?
                group by p.project_id, p.worker_id, pr.name order by p.project_id, p.worker_id
                """, rs -> {
            long projectId = rs.getLong(1);
            long workerId = rs.getLong(2);
            drafts.add(new MessageOutbox.Draft("ATTENDANCE:day:" + day + ":worker:" + workerId, workerId,
                    text(day, rs.getString(3), rs.getTimestamp(4), rs.getTimestamp(5)), projectId));
        }, Date.valueOf(day));
        return outbox.enqueueAll(drafts);
    }

    private String text(LocalDate day, String project, Timestamp am, Timestamp pm) {
        return "您" + MessageTexts.day(day) + "在" + MessageTexts.cut(project, MessageTexts.PROJECT_NAME) + "签到：上午"
                + time(am) + "，下午" + time(pm) + "。如有出入请向村监督委员会反映。";
    }

    private String time(Timestamp at) {
        return at == null ? "未签" : TIME.format(at.toInstant().atZone(clock.getZone()));
    }
}
