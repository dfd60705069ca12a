package org.workrelief.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.workrelief.account.SignedInUser;
import org.workrelief.common.time.ApplicationClock;
import org.workrelief.project.ContractingMode;
import org.workrelief.project.EntityKind;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectStatus;
import org.workrelief.project.UnifiedSocialCreditCode;
import org.workrelief.supervision.CommitteeMember;
import org.workrelief.team.SkillType;
import org.workrelief.team.TeamForm;
import org.workrelief.training.TrainingForm;
import org.workrelief.training.TrainingKind;
import org.workrelief.worker.EnrollmentForm;
import org.workrelief.worker.PinForm;
import org.workrelief.worker.RecruitmentSource;
import org.workrelief.worker.WorkerPins;

/**
 * The town's project under construction now (前埠村高标准农田灌排渠道), for the daily work: 80 villagers
 * of the reference project came back and 30 new ones joined (110 enrolled, 100 planned); a few
 * insurance policies expire within the week. Five days of roll call precede today: the three oldest
 * are approved, the last two are left overdue for js-supervisor, who is on duty then and today. A
 * draft payout batch holds the approved days when they fall in one month.
 */
final class LiveProject {

    static final int DAYS_OF_ATTENDANCE = 5;

    /** The last days before today left unreviewed, for js-supervisor. */
    static final int LEFT_FOR_REVIEW = 2;

    private static final String[] TEAMS = { "渠道开挖组", "衬砌砌筑组", "材料运输组" };

    /** The first enrolled, three in each team, have set a PIN: 2580 and the last two digits of their worker code. */
    static final int WITH_PIN = 9;
    static final String PIN_PREFIX = "2580";

    private final ReferenceProject.Services services;
    private final ApplicationClock clock;

    private final WorkerPins pins;

    LiveProject(ReferenceProject.Services services, ApplicationClock clock, WorkerPins pins) {
        this.services = services;
        this.clock = clock;
        this.pins = pins;
    }

    Project load(LocalDate today, List<DemoVillagers.Villager> returning, List<DemoVillagers.Villager> newcomers,
            RollCall rollCall, DemoCommittee committee) {
        SignedInUser admin = services.accounts().principalOf("js-admin");
        SignedInUser staff = services.accounts().principalOf("js-staff");
        LocalDate start = today.minusDays(DAYS_OF_ATTENDANCE);
        Project project = clock.replayAt(today.minusDays(45).atTime(9, 0), () -> create(admin, start, today.plusDays(85)));
        long id = project.getId();
        clock.replayAt(today.minusDays(20).atTime(9, 0), () -> services.projects().advance(admin, id, ProjectStatus.RECRUITING));
        clock.replayAt(today.minusDays(10).atTime(9, 0), () -> DemoVillagers.importRoster(services.roster(), admin, id,
                enrollments(returning, newcomers, today), today.minusDays(10), start, today.plusDays(100)));
        DemoBankAccounts.kinds(services.jdbc(), id);
        // at enrollment, on the site device: the clerk opened the PIN page and handed it over
        clock.replayAt(today.minusDays(10).atTime(10, 30), () -> services.jdbc().query("""
                select e.worker_id, w.worker_code from enrollment e join worker w on w.id = e.worker_id
                where e.project_id = ? order by e.id limit ?""", (rs, row) -> java.util.Map.entry(rs.getLong(1), rs.getString(2)),
                id, WITH_PIN).forEach(worker -> {
                    String code = worker.getValue();
                    String pin = PIN_PREFIX + code.substring(code.length() - 2);
                    pins.set(staff, worker.getKey(), new PinForm("", pin, pin));
                }));
        clock.replayAt(start.minusDays(1).atTime(9, 0), () -> {
            var safety = services.training().create(staff, id, new TrainingForm("渠道施工安全与防汛知识培训",
                    TrainingKind.SAFETY, "镇应急办 刘建军", start.minusDays(1), new BigDecimal("3"), "后埠村村委会"));
            services.training().addAttendees(staff, safety.id(), services.jdbc().queryForList(
                    "select worker_id from enrollment where project_id = ? order by id", Long.class, id));
        });
        List<CommitteeMember> members = clock.replayAt(start.minusDays(1).atTime(9, 0), () -> committee.appoint(admin, id, start,
                today.plusMonths(1).withDayOfMonth(today.plusMonths(1).lengthOfMonth())));
        clock.replayAt(start.atTime(9, 0), () -> services.projects().advance(admin, id, ProjectStatus.UNDER_CONSTRUCTION));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
            days.add(day);
        }
        rollCall.take(id, "js-staff", days, 95, 3);
        // js-supervisor (the cadre) and the villager representative are on duty for the days left and today,
        // arranged the day before (the roster is kept from today on)
        clock.replayAt(today.minusDays(LEFT_FOR_REVIEW + 1).atTime(17, 0), () -> {
            for (LocalDate day = today.minusDays(LEFT_FOR_REVIEW); !day.isAfter(today); day = day.plusDays(1)) {
                committee.setDay(admin, id, day, List.of(members.get(0), members.get(2)));
            }
        });
        LocalDate lastApproved = today.minusDays(LEFT_FOR_REVIEW + 1);
        for (LocalDate day = start; !day.isAfter(lastApproved); day = day.plusDays(1)) {
            LocalDate reviewed = day;
            // after the afternoon sign-in window (to 21:00): a day is approved once its sign-ins are in
            clock.replayAt(day.atTime(21, 30), () -> committee.approve(id, reviewed));
        }
        if (YearMonth.from(start).equals(YearMonth.from(lastApproved))) {
            services.payouts().create(staff, id, start, lastApproved);
        }
        backFilled(staff, id, today.minusDays(1), rollCall);
        return project;
    }

    /**
     * Issue 17's case for the committee to find on yesterday's review (left for js-supervisor): last
     * evening the clerk enrolled one more villager with a start date ten days back, and the terminal
     * at the west gate sent his two sign-ins of that morning and afternoon only then.
     */
    private void backFilled(SignedInUser staff, long projectId, LocalDate day, RollCall rollCall) {
        var person = services.jdbc().queryForMap("""
                select w.id, w.worker_code from worker w
                where w.town_id = ? and not exists (select 1 from enrollment e where e.worker_id = w.id and e.project_id = ?)
                  and not exists (select 1 from enrollment e where e.worker_id = w.id and e.status = 'ACTIVE')
                order by w.id limit 1
                """, staff.townId(), projectId);
        long team = services.jdbc().queryForObject("select min(id) from work_team where project_id = ?", Long.class,
                projectId);
        LocalDate start = day.minusDays(10);
        var zone = clock.getZone();
        clock.replayAt(day.atTime(20, 30), () -> services.enrollments().enroll(staff, projectId,
                ((Number) person.get("id")).longValue(), new EnrollmentForm(team, RecruitmentSource.ADDED, start, start, start,
                        day.plusDays(90), "中国人寿", "LX-ACC-ADD-" + projectId, start, day.plusDays(90), 0)));
        String code = (String) person.get("worker_code");
        Instant sent = day.atTime(20, 40).atZone(zone).toInstant();
        rollCall.sentLate(projectId, code, day.atTime(7, 46).atZone(zone).toInstant(), "west-gate", sent);
        rollCall.sentLate(projectId, code, day.atTime(13, 41).atZone(zone).toInstant(), "west-gate", sent);
    }

    private Project create(SignedInUser admin, LocalDate start, LocalDate plannedEnd) {
        String creditCode17 = "91370285MA3C" + "XKQ2L";
        ProjectForm form = new ProjectForm(ReferenceProject.CODE_PREFIX + start.getYear() + "-02", "前埠村高标准农田灌排渠道工程",
                admin.townId(), "前埠村、后埠村", "前埠村北片农田", new BigDecimal("36.812400"), new BigDecimal("120.466300"),
                1500, "莱西市姜山镇强村共富有限公司", EntityKind.VILLAGE_COLLECTIVE_COMPANY,
                creditCode17 + UnifiedSocialCreditCode.checkCharacter(creditCode17), ContractingMode.DIRECT,
                start.minusDays(50), "前埠村民代表会议决议〔" + start.getYear() + "〕4号", "姜党发〔" + start.getYear() + "〕31号",
                new BigDecimal("1800000.00"), new BigDecimal("200000.00"), BigDecimal.ZERO, new BigDecimal("620000.00"),
                100, 110, new BigDecimal("5000.00"), start, plannedEnd, null, 0);
        Project project = services.projects().create(admin, form);
        long id = project.getId();
        services.teams().create(admin, id, new TeamForm(TEAMS[0], SkillType.EXCAVATION, new BigDecimal("160.00"), "渠道土方开挖", 0));
        services.teams().create(admin, id, new TeamForm(TEAMS[1], SkillType.SLOPE_MASONRY, new BigDecimal("180.00"), "渠道混凝土衬砌", 0));
        services.teams().create(admin, id, new TeamForm(TEAMS[2], SkillType.TRANSPORT, new BigDecimal("150.00"), "砂石、预制件转运", 0));
        return project;
    }

    private static List<DemoVillagers.Enrollment> enrollments(List<DemoVillagers.Villager> returning,
            List<DemoVillagers.Villager> newcomers, LocalDate today) {
        List<DemoVillagers.Enrollment> rows = new ArrayList<>();
        List<DemoVillagers.Villager> all = new ArrayList<>(returning);
        all.addAll(newcomers);
        for (int i = 0; i < all.size(); i++) {
            String source = i < returning.size() ? "前期摸排" : "新吸纳";
            LocalDate insuranceTo = i % 40 == 7 ? today.plusDays(1 + i % 5) : today.plusDays(150);
            rows.add(new DemoVillagers.Enrollment(all.get(i), TEAMS[i % TEAMS.length], source, insuranceTo));
        }
        return rows;
    }

}
