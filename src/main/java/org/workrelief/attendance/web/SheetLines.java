package org.workrelief.attendance.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.workrelief.attendance.AttendanceQueries.DailySheet;
import org.workrelief.attendance.AttendanceQueries.PunchView;
import org.workrelief.attendance.AttendanceQueries.TeamDay;
import org.workrelief.attendance.AttendanceQueries.WorkerDay;

/**
 * The daily sheet's rows as the page writes them, worked out once in Java. A sheet has a row for
 * each of up to several hundred people, and rendering them is most of the page's time: the template
 * reads a few plain fields per row instead of formatting times and testing sign-ins in expressions.
 * The records are public because Spring's expression compiler compiles calls on public types only
 * (package-private ones made the page slower than before).
 */
public record SheetLines(List<Team> teams) {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final String NONE = "—";

    /** A team's heading and rows. */
    public record Team(String name, long present, List<Line> lines) {
    }

    /** One worker's day: sign-in times (or a dash), the status, and the message keys of its warnings. */
    public record Line(long workerId, String workerCode, String name, String am, String pm, String statusKey,
            boolean flagged, List<String> flags) {
    }

    static SheetLines of(DailySheet sheet, ZoneId zone) {
        return new SheetLines(sheet.teams().stream().map(team -> team(team, zone)).toList());
    }

    private static Team team(TeamDay team, ZoneId zone) {
        return new Team(team.team().getName(), team.present(),
                team.workers().stream().map(day -> line(day, zone)).toList());
    }

    private static Line line(WorkerDay day, ZoneId zone) {
        List<String> warnings = day.warnings();
        return new Line(day.member().workerId(), day.member().workerCode(), day.member().name(), time(day.am(), zone),
                time(day.pm(), zone), "attendance.day." + day.status(), !warnings.isEmpty(), warnings);
    }

    private static String time(PunchView punch, ZoneId zone) {
        return punch == null ? NONE : HOUR_MINUTE.format(punch.punchedAt().atZone(zone));
    }
}
