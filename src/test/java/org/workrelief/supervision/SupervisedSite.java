package org.workrelief.supervision;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchResult;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.Fixtures;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

/**
 * A project under construction with a committee of three supervisors (a cadre, a party member and a
 * villager representative); {@code onDuty} is the cadre, on duty on {@code day}.
 */
public record SupervisedSite(ActiveProject site, LocalDate day, SignedInUser onDuty, CommitteeMember onDutyMember,
        SignedInUser offDuty, SignedInUser third, PunchService punches, JdbcTemplate jdbc) {

    /** The reason the fixtures give when they arrange duty for a day the test clock has passed. */
    public static final String PAST_DUTY = "测试数据：按当日实际值班补记";

    public static SupervisedSite create(AccountService accounts, ProjectService projects, RegistryFixtures registry,
            CommitteeService committee, DutyRosterService duty, PunchService punches, JdbcTemplate jdbc, LocalDate day) {
        ActiveProject site = ActiveProject.create(accounts, projects, registry, day);
        Fixtures fixtures = new Fixtures(accounts);
        SignedInUser cadre = Principals.of(fixtures.user(Role.SUPERVISOR, site.town()));
        SignedInUser partyMember = Principals.of(fixtures.user(Role.SUPERVISOR, site.town()));
        SignedInUser villager = Principals.of(fixtures.user(Role.SUPERVISOR, site.town()));
        long projectId = site.project().getId();
        CommitteeMember onDuty = committee.add(site.admin(), projectId, cadre.id(), MemberKind.CADRE);
        committee.add(site.admin(), projectId, partyMember.id(), MemberKind.PARTY_MEMBER);
        committee.add(site.admin(), projectId, villager.id(), MemberKind.VILLAGER_REP);
        duty.setDay(site.admin(), projectId, day, List.of(onDuty.id()), PAST_DUTY);
        return new SupervisedSite(site, day, cadre, onDuty, partyMember, villager, punches, jdbc);
    }

    public long projectId() {
        return site.project().getId();
    }

    public Worker addWorker(RegistryFixtures registry) {
        return site.addWorker(registry, day.minusDays(10), day.plusDays(30));
    }

    /**
     * A terminal's sign-in, received by the server at once (the test clock is usually later that day,
     * which would make every fixture sign-in a late arrival); {@link #sentLate} keeps the clock's time.
     */
    public PunchResult device(Worker worker, LocalDate on, int hour, int minute, int second, String device) {
        PunchResult result = sentLate(worker, on, hour, minute, second, device);
        jdbc.update("update punch set created_at = least(created_at, punched_at + interval '5 seconds') "
                + "where worker_id = ? and punched_at = ?", worker.getId(), Timestamp.from(result.punchedAt()));
        return result;
    }

    /** A terminal's sign-in as the server receives it now (by the test clock): a back-fill when the clock is later. */
    public PunchResult sentLate(Worker worker, LocalDate on, int hour, int minute, int second, String device) {
        return punches.punch(PunchRequest.byWorkerCode(projectId(), worker.getWorkerCode(), at(on, hour, minute, second),
                PunchSource.DEVICE, device, "device:" + device, null, null));
    }

    public PunchResult device(Worker worker, int hour, int minute) {
        return device(worker, day, hour, minute, 0, "gate-1");
    }

    public PunchResult deviceAt(Worker worker, int hour, int minute, BigDecimal lat, BigDecimal lng) {
        PunchResult result = punches.punch(PunchRequest.byWorkerCode(projectId(), worker.getWorkerCode(),
                at(day, hour, minute, 0), PunchSource.DEVICE, "gate-1", "device:gate-1", lat, lng));
        jdbc.update("update punch set created_at = least(created_at, punched_at + interval '5 seconds') "
                + "where worker_id = ? and punched_at = ?", worker.getId(), Timestamp.from(result.punchedAt()));
        return result;
    }

    public PunchResult rollCall(Worker worker, int hour, int minute) {
        return punches.punch(PunchRequest.byWorkerId(projectId(), worker.getId(), at(day, hour, minute, 0),
                PunchSource.ROLL_CALL, site.staff().getUsername()));
    }

    /** A full day at the gate: 07:58 and 17:02. */
    public void fullDay(Worker worker, LocalDate on) {
        device(worker, on, 7, 58, 0, "gate-1");
        device(worker, on, 17, 2, 0, "gate-1");
    }

    public static Instant at(LocalDate day, int hour, int minute, int second) {
        return ZonedDateTime.of(day.atTime(hour, minute, second), MutableClock.ZONE).toInstant();
    }
}
