package org.workrelief.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workrelief.attendance.PunchSource;
import org.workrelief.worker.WorkerDayFacts;

/**
 * Finds what the committee must look at in a project's day of sign-ins: half days, a PM sign-in
 * too soon after the AM one, sign-ins away from the site, many workers signed in by one terminal
 * within a minute, sign-ins entered by hand, a head-count far from the previous working day's,
 * enrollments recorded after the fact, sign-ins that reached the server long after their time, and
 * a phone number shared by workers of the project; and, for information, workers on their first day.
 * Thresholds are settings ({@code workrelief.supervision.*}).
 */
@Component
class AnomalyDetector {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int burstWorkers;
    private final Duration burstWindow;
    private final int headcountChangePercent;
    private final WorkerDayFacts workerFacts;
    private final int backdatedEnrollmentDays;
    private final Duration lateArrival;

    AnomalyDetector(JdbcClient jdbc, Clock clock, WorkerDayFacts workerFacts,
            @Value("${workrelief.supervision.burst-workers:10}") int burstWorkers,
            @Value("${workrelief.supervision.burst-window:PT1M}") Duration burstWindow,
            @Value("${workrelief.supervision.headcount-change-percent:30}") int headcountChangePercent,
            @Value("${workrelief.supervision.backdated-enrollment-days:3}") int backdatedEnrollmentDays,
            @Value("${workrelief.supervision.late-arrival:PT2H}") Duration lateArrival) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.workerFacts = workerFacts;
        this.burstWorkers = burstWorkers;
        this.burstWindow = burstWindow;
        this.headcountChangePercent = headcountChangePercent;
        this.backdatedEnrollmentDays = backdatedEnrollmentDays;
        this.lateArrival = lateArrival;
    }

    /** A sign-in of the day; {@code received} is when the server stored it, {@code firstDay} that the worker has none earlier on the project. */
    private record Signed(long punchId, long workerId, String name, String code, String slot, Instant at,
            PunchSource source, String device, String recordedBy, boolean tooSoon, boolean outside, Instant received,
            boolean firstDay) {
    }

    /** How many workers signed in on a day. */
    private record Headcount(LocalDate workDate, int present) {
    }

    DayFindings findings(long projectId, LocalDate day) {
        List<Signed> punches = jdbc.sql("""
                select p.id as punch_id, p.worker_id, w.name, w.worker_code as code, p.slot, p.punched_at as at, p.source,
                       p.device_id as device, p.recorded_by, p.flag_too_soon as too_soon, p.flag_outside as outside,
                       p.received_at as received,
                       not exists (select 1 from sign_in_record e where e.worker_id = p.worker_id and e.work_date < p.work_date
                                   and e.project_id = p.project_id) as first_day
                from sign_in_record p join worker_name w on w.id = p.worker_id
                where p.project_id = :projectId and p.work_date = :day order by p.punched_at, p.id
                """).param("projectId", projectId).param("day", day).query(Signed.class).list();
        Map<Long, List<Signed>> byWorker = new LinkedHashMap<>();
        punches.forEach(p -> byWorker.computeIfAbsent(p.workerId(), w -> new ArrayList<>()).add(p));

        List<Anomaly> anomalies = new ArrayList<>();
        int full = 0;
        for (List<Signed> mine : byWorker.values()) {
            Signed first = mine.get(0);
            if (mine.size() == 1) {
                anomalies.add(new Anomaly("HALF_DAY:w" + first.workerId(), AnomalyKind.HALF_DAY, List.of(first.workerId()),
                        List.of(first.name(), first.code(), time(first.at()))));
            }
            else {
                full++;
            }
            mine.stream().filter(Signed::tooSoon).findFirst().ifPresent(pm -> anomalies.add(new Anomaly(
                    "PM_TOO_SOON:w" + pm.workerId(), AnomalyKind.PM_TOO_SOON, List.of(pm.workerId()),
                    List.of(pm.name(), pm.code(), time(first.at()), time(pm.at())))));
            List<String> away = mine.stream().filter(Signed::outside).map(p -> time(p.at())).toList();
            if (!away.isEmpty()) {
                anomalies.add(new Anomaly("OUTSIDE_SITE:w" + first.workerId(), AnomalyKind.OUTSIDE_SITE,
                        List.of(first.workerId()), List.of(first.name(), first.code(), String.join(", ", away))));
            }
        }
        anomalies.addAll(deviceBursts(punches));
        anomalies.addAll(handRecorded(punches));
        anomalies.addAll(lateArrivals(punches));
        Map<Long, WorkerDayFacts.Fact> facts = workerFacts.of(projectId, day, byWorker.keySet());
        anomalies.addAll(backdatedEnrollments(day, facts));
        anomalies.addAll(sharedPhones(facts));
        anomalies.addAll(firstDays(byWorker));

        int present = byWorker.size();
        Optional<Headcount> previous = jdbc.sql("""
                select work_date, count(distinct worker_id) as present from sign_in_record
                where project_id = :projectId
                  and work_date = (select max(work_date) from sign_in_record where project_id = :projectId and work_date < :day)
                group by work_date
                """).param("projectId", projectId).param("day", day).query(Headcount.class).optional();
        LocalDate previousDay = previous.map(Headcount::workDate).orElse(null);
        int previousPresent = previous.map(Headcount::present).orElse(0);
        if (previousPresent > 0 && Math.abs(present - previousPresent) * 100 > headcountChangePercent * previousPresent) {
            int percent = Math.round((present - previousPresent) * 100f / previousPresent);
            anomalies.add(new Anomaly("HEADCOUNT_SWING", AnomalyKind.HEADCOUNT_SWING, List.of(),
                    List.of(present, previousPresent, previousDay.toString(), (percent > 0 ? "+" : "") + percent + "%")));
        }
        // what needs no decision is shown apart, and the approval counts only the rest
        return new DayFindings(day, present, full, present - full, previousDay, previousPresent,
                anomalies.stream().filter(a -> a.kind().blocking()).toList(),
                anomalies.stream().filter(a -> !a.kind().blocking()).toList());
    }

    /**
     * Per terminal, every stretch in which at least {@code burstWorkers} different workers signed in
     * within {@code burstWindow}; overlapping windows join into one burst.
     */
    private List<Anomaly> deviceBursts(List<Signed> punches) {
        Map<String, List<Signed>> byDevice = new LinkedHashMap<>();
        punches.stream().filter(p -> p.source() == PunchSource.DEVICE || p.source() == PunchSource.IMPORT)
                .filter(p -> p.device() != null)
                .forEach(p -> byDevice.computeIfAbsent(p.device(), d -> new ArrayList<>()).add(p));
        List<Anomaly> bursts = new ArrayList<>();
        for (Map.Entry<String, List<Signed>> device : byDevice.entrySet()) {
            List<Signed> times = device.getValue().stream().sorted(Comparator.comparing(Signed::at)).toList();
            boolean[] inBurst = new boolean[times.size()];
            int start = 0;
            for (int end = 0; end < times.size(); end++) {
                while (Duration.between(times.get(start).at(), times.get(end).at()).compareTo(burstWindow) > 0) {
                    start++;
                }
                Set<Long> workers = new LinkedHashSet<>();
                for (int i = start; i <= end; i++) {
                    workers.add(times.get(i).workerId());
                }
                if (workers.size() >= burstWorkers) {
                    for (int i = start; i <= end; i++) {
                        inBurst[i] = true;
                    }
                }
            }
            List<Signed> current = new ArrayList<>();
            for (int i = 0; i <= times.size(); i++) {
                boolean continues = i < times.size() && inBurst[i]
                        && (current.isEmpty() || Duration.between(current.get(current.size() - 1).at(), times.get(i).at())
                                .compareTo(burstWindow) <= 0);
                if (!continues && !current.isEmpty()) {
                    List<Long> workers = current.stream().map(Signed::workerId).distinct().toList();
                    bursts.add(new Anomaly("DEVICE_BURST:" + device.getKey() + ":" + current.get(0).at().getEpochSecond(),
                            AnomalyKind.DEVICE_BURST, workers, List.of(device.getKey(), workers.size(),
                                    seconds(current.get(0).at()), seconds(current.get(current.size() - 1).at()))));
                    current = new ArrayList<>();
                }
                if (i < times.size() && inBurst[i]) {
                    current.add(times.get(i));
                }
            }
        }
        return bursts;
    }

    /** Sign-ins a person entered (roll call on a phone, a correction), one finding per person who entered them. */
    private List<Anomaly> handRecorded(List<Signed> punches) {
        Map<String, List<Signed>> byRecorder = new LinkedHashMap<>();
        punches.stream().filter(p -> p.source() == PunchSource.ROLL_CALL || p.source() == PunchSource.CORRECTION)
                .forEach(p -> byRecorder.computeIfAbsent(p.recordedBy(), r -> new ArrayList<>()).add(p));
        List<Anomaly> found = new ArrayList<>();
        byRecorder.forEach((recorder, signed) -> {
            List<Long> workers = signed.stream().map(Signed::workerId).distinct().toList();
            found.add(new Anomaly("HAND_RECORDED:" + recorder, AnomalyKind.HAND_RECORDED, workers,
                    List.of(recorder, signed.size(), workers.size())));
        });
        return found;
    }

    /**
     * Terminal and imported sign-ins the server received more than {@code lateArrival} after their
     * time, one finding per terminal (or, for an import without a terminal column, per person who
     * imported the file). Sign-ins entered by hand are {@link AnomalyKind#HAND_RECORDED} already.
     */
    private List<Anomaly> lateArrivals(List<Signed> punches) {
        Map<String, List<Signed>> bySender = new LinkedHashMap<>();
        punches.stream().filter(p -> p.source() == PunchSource.DEVICE || p.source() == PunchSource.IMPORT)
                .filter(p -> Duration.between(p.at(), p.received()).compareTo(lateArrival) > 0)
                .forEach(p -> bySender.computeIfAbsent(p.source() + ":" + (p.device() != null ? p.device() : p.recordedBy()),
                        s -> new ArrayList<>()).add(p));
        List<Anomaly> found = new ArrayList<>();
        bySender.forEach((sender, late) -> {
            Signed first = late.get(0);
            // 0: a terminal; 1: a file naming its terminal; 2: a file, by the person who imported it
            int via = first.source() == PunchSource.DEVICE ? 0 : first.device() != null ? 1 : 2;
            List<Long> workers = late.stream().map(Signed::workerId).distinct().toList();
            Duration longest = late.stream().map(p -> Duration.between(p.at(), p.received())).max(Comparator.naturalOrder())
                    .orElseThrow();
            Instant lastReceived = late.stream().map(Signed::received).max(Comparator.naturalOrder()).orElseThrow();
            found.add(new Anomaly("LATE_ARRIVAL:" + sender, AnomalyKind.LATE_ARRIVAL, workers, List.of(via,
                    first.device() != null ? first.device() : first.recordedBy(), late.size(), workers.size(),
                    longest.toHours(), dateTime(lastReceived))));
        });
        return found;
    }

    /**
     * Workers whose enrollment was recorded after the day they signed in, or recorded more than
     * {@code backdatedEnrollmentDays} after the start date it gives.
     */
    private List<Anomaly> backdatedEnrollments(LocalDate day, Map<Long, WorkerDayFacts.Fact> facts) {
        List<Anomaly> found = new ArrayList<>();
        for (WorkerDayFacts.Fact fact : facts.values()) {
            if (fact.enrolledOn() == null || fact.recordedOn() == null) {
                continue;
            }
            boolean signedInBefore = day.isBefore(fact.recordedOn());
            long daysEarlier = fact.enrolledOn().until(fact.recordedOn(), java.time.temporal.ChronoUnit.DAYS);
            if (signedInBefore || daysEarlier > backdatedEnrollmentDays) {
                found.add(new Anomaly("BACKDATED_ENROLLMENT:w" + fact.workerId(), AnomalyKind.BACKDATED_ENROLLMENT,
                        List.of(fact.workerId()), List.of(fact.name(), fact.code(), fact.enrolledOn().toString(),
                                fact.recordedOn().toString(), daysEarlier, signedInBefore ? 1 : 0)));
            }
        }
        return found;
    }

    /** One finding per phone number that workers of the project share, naming the day's workers among them. */
    private static List<Anomaly> sharedPhones(Map<Long, WorkerDayFacts.Fact> facts) {
        Map<Set<Long>, List<WorkerDayFacts.Fact>> groups = new LinkedHashMap<>();
        for (WorkerDayFacts.Fact fact : facts.values()) {
            if (fact.samePhone().isEmpty()) {
                continue;
            }
            Set<Long> sharing = new TreeSet<>(fact.samePhone().stream().map(WorkerDayFacts.Peer::workerId).toList());
            sharing.add(fact.workerId());
            groups.computeIfAbsent(sharing, g -> new ArrayList<>()).add(fact);
        }
        List<Anomaly> found = new ArrayList<>();
        groups.forEach((sharing, present) -> {
            WorkerDayFacts.Fact one = present.get(0);
            Map<Long, String> names = new java.util.TreeMap<>();
            names.put(one.workerId(), one.name() + "（" + one.code() + "）");
            one.samePhone().forEach(peer -> names.put(peer.workerId(), peer.name() + "（" + peer.code() + "）"));
            // the first of the sharing workers and how many share: short enough for a decision's key
            String key = "SHARED_PHONE:w" + sharing.iterator().next() + ":" + sharing.size();
            found.add(new Anomaly(key, AnomalyKind.SHARED_PHONE, present.stream().map(WorkerDayFacts.Fact::workerId).toList(),
                    List.of(one.phoneMasked(), sharing.size(), String.join(", ", names.values()))));
        });
        return found;
    }

    /** For information: the workers whose first sign-in on the project is on this day (one finding, at most 20 named). */
    private static List<Anomaly> firstDays(Map<Long, List<Signed>> byWorker) {
        List<Signed> first = byWorker.values().stream().map(mine -> mine.get(0)).filter(Signed::firstDay).toList();
        if (first.isEmpty()) {
            return List.of();
        }
        String names = String.join(", ", first.stream().limit(20).map(p -> p.name() + "（" + p.code() + "）").toList())
                + (first.size() > 20 ? " …" : "");
        return List.of(new Anomaly("FIRST_DAY", AnomalyKind.FIRST_DAY, first.stream().map(Signed::workerId).toList(),
                List.of(first.size(), names)));
    }

    private String dateTime(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(clock.getZone()));
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(clock.getZone()));
    }

    private String seconds(Instant at) {
        return SECONDS.format(at.atZone(clock.getZone()));
    }
}
