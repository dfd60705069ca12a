package org.workrelief.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.account.SignedInUser;
import org.workrelief.asset.AssetService;
import org.workrelief.asset.JobKind;
import org.workrelief.asset.SplitRule;
import org.workrelief.common.time.ApplicationClock;
import org.workrelief.payout.BankService;
import org.workrelief.payout.CallbackCheck;
import org.workrelief.payout.CallbackService;
import org.workrelief.payout.ConfirmationService;
import org.workrelief.payout.PayoutBatches;
import org.workrelief.payout.ConfirmationSheets;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutService;
import org.workrelief.project.ContractingMode;
import org.workrelief.project.EntityKind;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.project.UnifiedSocialCreditCode;
import org.workrelief.supervision.CommitteeMember;
import org.workrelief.team.SkillType;
import org.workrelief.team.TeamForm;
import org.workrelief.team.TeamService;
import org.workrelief.training.TrainingForm;
import org.workrelief.training.TrainingKind;
import org.workrelief.training.TrainingService;
import org.workrelief.worker.EnrollmentService;
import org.workrelief.worker.RosterImportService;

/**
 * The reference project of the brief (莱西市姜山镇 共富生态水产养殖示范基地), from the first plan to
 * its second year of dividends, replayed through the real services at the dates it happened
 * ({@link ApplicationClock#replayAt}), so every rule is applied as it would have been:
 * <ul>
 * <li>direct contract to the village-collective company; 1.3 million yuan social capital, 1.61 million
 * planned remuneration, 134 planned trainees, 150 planned workers and 210 enrolled in six teams;
 * <li>built from 11 March to 31 May (ten days ahead of plan), Sundays off; the team leaders' roll
 * call twice a day, each day reviewed and approved by the committee member on duty that evening;
 * <li>a payout batch per month, confirmed by co-workers, publicized for the notice period, approved,
 * released and paid by the bank (settled);
 * <li>134 people trained in two courses; the base handed to the village collective and converted
 * into shares of a new aquaculture company with a guaranteed dividend of 200,000 yuan; the first
 * year's dividend at the guarantee, the second above it, both split among households;
 * <li>20+ long-term and about 200 seasonal jobs a year once operating.
 * </ul>
 * It was built the year before its first full operating year, so that both dividends have been
 * received by the day the demo is loaded.
 */
final class ReferenceProject {

    static final String CODE_PREFIX = "LX-JS-";
    static final int ENROLLED = 210;
    static final BigDecimal GUARANTEE = new BigDecimal("200000.00");
    static final String[] TEAMS = { "开挖组", "运输组", "筑坝组", "护坡砌筑组", "棚体搭建组", "养殖设施组" };

    private final Services services;
    private final ApplicationClock clock;
    private final Random random = new Random(20240311L);

    /** The services the history goes through. */
    record Services(AccountService accounts, ProjectService projects, TeamService teams, RosterImportService roster,
            EnrollmentService enrollments, TrainingService training, PayoutService payouts,
            PayoutBatches batches, ConfirmationService confirmations, ConfirmationSheets sheets, BankService bank, AssetService assets, JdbcTemplate jdbc,
            CallbackService callbacks) {
    }

    ReferenceProject(Services services, ApplicationClock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** The year it was built: the one before the first of the two dividend years received by {@code today}. */
    static int builtIn(LocalDate today) {
        int lastDividendYear = today.isBefore(LocalDate.of(today.getYear(), 1, 16)) ? today.getYear() - 2
                : today.getYear() - 1;
        return lastDividendYear - 1;
    }

    /** Loads the whole history; returns the project and its villagers (for the town's later projects). */
    Project load(LocalDate today, List<DemoVillagers.Villager> villagers, RollCall rollCall, DemoCommittee committee) {
        int year = builtIn(today);
        LocalDate start = LocalDate.of(year, 3, 11);
        LocalDate plannedEnd = LocalDate.of(year, 6, 10);
        LocalDate finished = LocalDate.of(year, 5, 31);
        LocalDate handover = LocalDate.of(year, 6, 28);
        SignedInUser admin = user("js-admin");
        SignedInUser staff = user("js-staff");

        Project project = clock.replayAt(start.minusDays(75).atTime(9, 0), () -> create(admin, year, start, plannedEnd));
        long id = project.getId();
        clock.replayAt(start.minusDays(40).atTime(9, 0), () -> services.projects().advance(admin, id, ProjectStatus.RECRUITING));
        clock.replayAt(start.minusDays(10).atTime(10, 0), () -> DemoVillagers.importRoster(services.roster(), admin, id,
                enrollments(villagers, plannedEnd), start.minusDays(10), start, plannedEnd.plusDays(30)));
        DemoBankAccounts.kinds(services.jdbc(), id);
        List<CommitteeMember> members = clock.replayAt(start.minusDays(5).atTime(10, 0),
                () -> committee.appoint(admin, id, start, finished));
        clock.replayAt(start.minusDays(3).atTime(15, 0), () -> trainSafety(staff, id, start.minusDays(3)));
        clock.replayAt(start.atTime(7, 0), () -> services.projects().advance(admin, id, ProjectStatus.UNDER_CONSTRUCTION));

        for (LocalDate day = start; !day.isAfter(finished); day = day.plusDays(1)) {
            LocalDate workday = day;
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                rollCall.take(id, "js-staff", List.of(day), 68, 3);
                clock.replayAt(day.atTime(21, 30), () -> committee.approve(id, workday));
            }
            if (day.equals(start.plusDays(30))) {
                clock.replayAt(day.atTime(19, 0), () -> trainSkills(staff, id, workday));
            }
            if (day.equals(YearMonth.from(day).atEndOfMonth()) || day.equals(finished)) {
                LocalDate from = day.withDayOfMonth(1).isBefore(start) ? start : day.withDayOfMonth(1);
                pay(id, from, day);
            }
        }
        clock.replayAt(finished.plusDays(1).atTime(9, 0), () -> complete(admin, id, finished));
        clock.replayAt(handover.atTime(10, 0), () -> handOver(admin, id, handover));
        dividends(admin, id, year);
        jobs(staff, id, year, today);
        return project;
    }

    private Project create(SignedInUser admin, int year, LocalDate start, LocalDate plannedEnd) {
        String creditCode17 = "91370285MA3C" + "XKQ2L";
        ProjectForm form = new ProjectForm(CODE_PREFIX + year + "-01", "共富生态水产养殖示范基地（澳洲淡水龙虾）",
                admin.townId(), "前埠村、后埠村、姜山村", "姜山镇前埠村东侧洼地", new BigDecimal("36.805200"),
                new BigDecimal("120.471900"), 800, "莱西市姜山镇强村共富有限公司", EntityKind.VILLAGE_COLLECTIVE_COMPANY,
                creditCode17 + UnifiedSocialCreditCode.checkCharacter(creditCode17), ContractingMode.DIRECT,
                start.minusDays(80), "姜山前埠村民代表会议决议〔" + year + "〕1号", "姜党发〔" + year + "〕12号",
                new BigDecimal("4000000.00"), new BigDecimal("500000.00"), new BigDecimal("1300000.00"),
                new BigDecimal("1610000.00"), 150, 134, new BigDecimal("7500.00"), start, plannedEnd, null, 0);
        Project project = services.projects().create(admin, DemoLabourShare.approved(form, year, start));
        long id = project.getId();
        TeamService teams = services.teams();
        teams.create(admin, id, new TeamForm(TEAMS[0], SkillType.EXCAVATION, new BigDecimal("160.00"), "土方开挖、清淤", 0));
        teams.create(admin, id, new TeamForm(TEAMS[1], SkillType.TRANSPORT, new BigDecimal("150.00"), "土方、石料转运", 0));
        teams.create(admin, id, new TeamForm(TEAMS[2], SkillType.DAM_BUILDING, new BigDecimal("170.00"), "塘埂填筑夯实", 0));
        teams.create(admin, id, new TeamForm(TEAMS[3], SkillType.SLOPE_MASONRY, new BigDecimal("180.00"), "护坡砌石", 0));
        teams.create(admin, id, new TeamForm(TEAMS[4], SkillType.SHED_BUILDING, new BigDecimal("175.00"), "养殖大棚搭建", 0));
        teams.create(admin, id, new TeamForm(TEAMS[5], SkillType.OTHER, new BigDecimal("150.00"), "增氧、进排水设施安装", 0));
        return project;
    }

    private static List<DemoVillagers.Enrollment> enrollments(List<DemoVillagers.Villager> villagers, LocalDate plannedEnd) {
        List<DemoVillagers.Enrollment> rows = new ArrayList<>();
        for (int i = 0; i < ENROLLED; i++) {
            String source = i < 150 ? "前期摸排" : i < 185 ? "开工前确认" : "新吸纳";
            rows.add(new DemoVillagers.Enrollment(villagers.get(i), TEAMS[i % TEAMS.length], source, plannedEnd.plusDays(60)));
        }
        return rows;
    }

    /** A safety course for the first 80 on the roster before work starts. */
    private void trainSafety(SignedInUser staff, long projectId, LocalDate on) {
        var safety = services.training().create(staff, projectId, new TrainingForm("安全生产与防溺水培训", TrainingKind.SAFETY,
                "镇应急办 刘建军", on, new BigDecimal("4"), "前埠村党群服务中心"));
        services.training().addAttendees(staff, safety.id(), enrolled(projectId).subList(0, 80));
    }

    /** A masonry course for 60 more (six of them were at the safety course too): 134 people trained, as planned. */
    private void trainSkills(SignedInUser staff, long projectId, LocalDate on) {
        var masonry = services.training().create(staff, projectId, new TrainingForm("护坡砌石与养殖大棚搭建技能培训",
                TrainingKind.SKILLS, "县人社局 王师傅", on, new BigDecimal("16"), "项目现场"));
        services.training().addAttendees(staff, masonry.id(), enrolled(projectId).subList(74, 134));
    }

    private List<Long> enrolled(long projectId) {
        return services.jdbc().queryForList("select worker_id from enrollment where project_id = ? order by id", Long.class,
                projectId);
    }

    /**
     * A month's wages the way the town pays them: staff computes the batch three days after the month,
     * records each team's 互证签字确认表 and publicizes it; after the notice the town administrator
     * approves, finance releases and sends the bank file, and the bank's answer settles the batch.
     */
    private void pay(long projectId, LocalDate from, LocalDate to) {
        SignedInUser staff = user("js-staff");
        SignedInUser admin = user("js-admin");
        SignedInUser finance = user("js-finance");
        LocalDate prepared = to.plusDays(3);
        PayoutBatch batch = clock.replayAt(prepared.atTime(10, 0), () -> {
            PayoutBatch created = services.payouts().create(staff, projectId, from, to);
            for (var team : services.teams().teamsOf(staff, projectId)) {
                recordSignedSheet(staff, created.id(), team.getId(), "HZQZB " + YearMonth.from(to) + " " + team.getId());
            }
            PayoutBatch confirmed = services.batches().batch(staff, created.id());
            return services.payouts().publicize(staff, confirmed.id(), confirmed.version());
        });
        clock.replayAt(prepared.plusDays(2).atTime(15, 0), () -> callBack(batch.id()));
        Instant noticeOver = batch.noticeUntil().plusSeconds(3600);
        PayoutBatch approved = clock.replayAt(noticeOver, () -> services.payouts().approve(admin, batch.id(), batch.version()));
        PayoutBatch released = clock.replayAt(noticeOver.plusSeconds(4 * 3600),
                () -> services.payouts().release(finance, approved.id(), approved.version()));
        byte[] bankFile = clock.replayAt(noticeOver.plusSeconds(5 * 3600), () -> bankFile(finance, released.id()));
        clock.replayAt(noticeOver.plusSeconds(2 * 86400), () -> bankAnswers(finance, released.id(), bankFile));
    }

    /**
     * A team's signed 互证签字表 as it comes back from the site: each payee vouched for by the two members
     * beside them (the pairs printed on the sheet), photographed and uploaded by staff, the signatures
     * read into the system from it, and the scan checked against them by the committee's cadre.
     */
    private void recordSignedSheet(SignedInUser staff, long batchId, long teamId, String title) {
        var lines = services.confirmations().team(staff, batchId, teamId);
        List<ConfirmationService.SheetEntry> entries = new java.util.ArrayList<>();
        List<SheetImages.Row> rows = new java.util.ArrayList<>();
        for (var t : lines) {
            t.suggested().forEach(w -> entries.add(new ConfirmationService.SheetEntry(t.line().id(), w.code())));
            rows.add(new SheetImages.Row(t.line().workerCode(), t.suggested().size() > 0 ? t.suggested().get(0).code() : "",
                    t.suggested().size() > 1 ? t.suggested().get(1).code() : ""));
        }
        var sheet = services.sheets().upload(staff, batchId, teamId, "hzqzb-" + teamId + ".png", SheetImages.png(title, rows));
        services.confirmations().recordFromSheet(staff, sheet.id(), entries);
        SignedInUser member = user("js-supervisor2");
        services.sheets().open(member, sheet.id());
        services.sheets().attest(member, sheet.id(), sheet.version());
    }

    /** The committee's cadre calls each sampled worker back; every one confirms the days and the amount. */
    private void callBack(long batchId) {
        SignedInUser member = user("js-supervisor");
        for (CallbackCheck check : services.callbacks().checksOf(member, batchId)) {
            services.callbacks().record(member, check.id(), new CallbackService.Answer(true, CallbackCheck.SAME, null,
                    check.amountPayable(), "电话回访，本人确认出工天数和金额", check.version()));
        }
    }

    private byte[] bankFile(SignedInUser finance, long batchId) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            services.bank().writeBankFile(finance, batchId, BankService.Format.CSV, out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bank pays every line: its answer is the bank file with a result column. */
    private void bankAnswers(SignedInUser finance, long batchId, byte[] bankFile) {
        StringBuilder answer = new StringBuilder("银行卡号,金额(元),结果,原因,交易流水号\n");
        String[] lines = new String(bankFile, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            String card = cells.length > 5 ? cells[3].replace("\t", "").replace("\"", "").trim() : "";
            if (card.isEmpty()) {
                continue; // a blank line
            }
            // the bank's transaction reference, which the wage ledger records (issue 20 §4)
            answer.append(card).append(',').append(cells[5].replace("\"", "").trim()).append(",成功,,")
                    .append(String.format("LXNS%d%06d", batchId, i)).append('\n');
        }
        try {
            var result = services.bank().importResults(finance, batchId, "bank-result.csv",
                    new ByteArrayInputStream(answer.toString().getBytes(StandardCharsets.UTF_8)));
            if (!result.settled()) {
                throw new IllegalStateException("demo bank answer did not settle the batch: " + result.errors());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Construction over: the completion date, the project completed, everyone's enrollment ended. */
    private void complete(SignedInUser admin, long projectId, LocalDate finished) {
        ProjectForm form = services.projects().formOf(admin, projectId);
        services.projects().update(admin, projectId, form.withActualCompletion(finished));
        services.projects().advance(admin, projectId, ProjectStatus.COMPLETED, DemoLabourShare.completionExplanation(
                services.projects().labourShare(services.projects().get(admin, projectId))));
        for (long enrollment : services.jdbc().queryForList(
                "select id from enrollment where project_id = ? and left_on is null order by id", Long.class, projectId)) {
            services.enrollments().leave(admin, enrollment);
        }
    }

    /** The base handed to the village collective and converted into shares of the new aquaculture company. */
    private void handOver(SignedInUser admin, long projectId, LocalDate on) {
        AssetService assets = services.assets();
        assets.saveTransfer(admin, projectId, new AssetService.AssetForm("姜山镇前埠村股份经济合作社", on,
                "姜山资移〔" + on.getYear() + "〕3号", "莱西市共富水产养殖有限公司", new BigDecimal("35.00"),
                new BigDecimal("5410000.00"), GUARANTEE, 0));
        assets.addAsset(admin, projectId, "标准化养殖池塘 12 口（含塘埂、护坡）", new BigDecimal("2380000.00"));
        assets.addAsset(admin, projectId, "钢架养殖大棚 24 座", new BigDecimal("1960000.00"));
        assets.addAsset(admin, projectId, "进排水及增氧设施", new BigDecimal("720000.00"));
        assets.addAsset(admin, projectId, "管理用房及仓库", new BigDecimal("350000.00"));
        services.projects().advance(admin, projectId, ProjectStatus.OPERATING);
    }

    /**
     * The first year's dividend at the guarantee, split equally among the collective's households;
     * the second above it, split by the households' shares.
     */
    private void dividends(SignedInUser admin, long projectId, int builtIn) {
        List<String> households = households(projectId);
        LocalDate firstPaid = LocalDate.of(builtIn + 1, 1, 15);
        clock.replayAt(firstPaid.atTime(10, 0), () -> {
            var dividend = services.assets().recordDividend(admin, projectId, builtIn, GUARANTEE, firstPaid);
            services.assets().split(admin, dividend.id(), SplitRule.EQUAL, String.join("\n", households));
        });
        LocalDate secondPaid = LocalDate.of(builtIn + 2, 1, 15);
        clock.replayAt(secondPaid.atTime(10, 0), () -> {
            var dividend = services.assets().recordDividend(admin, projectId, builtIn + 1, new BigDecimal("236800.00"),
                    secondPaid);
            List<String> weighted = new ArrayList<>();
            for (int i = 0; i < households.size(); i++) {
                weighted.add(households.get(i) + "," + (i % 4 == 0 ? "1.5" : "1"));
            }
            services.assets().split(admin, dividend.id(), SplitRule.WEIGHTED, String.join("\n", weighted));
        });
    }

    private List<String> households(long projectId) {
        return new ArrayList<>(new LinkedHashSet<>(services.jdbc().queryForList("""
                select w.village || ' ' || w.household_no || ' 户' from enrollment e join worker w on w.id = e.worker_id
                where e.project_id = ? order by e.id
                """, String.class, projectId)));
    }

    /**
     * Operating jobs: in the year of the handover 20 long-term and 120 seasonal, then 22 and 188 a
     * year; the current year so far 22 and 150.
     */
    private void jobs(SignedInUser staff, long projectId, int builtIn, LocalDate today) {
        List<String> codes = services.jdbc().queryForList(
                "select w.worker_code from enrollment e join worker w on w.id = e.worker_id where e.project_id = ? order by e.id",
                String.class, projectId);
        clock.replayAt(LocalDate.of(builtIn, 7, 1).atTime(9, 0), () -> hire(staff, projectId, builtIn, codes, 20, 120));
        clock.replayAt(LocalDate.of(builtIn + 1, 3, 1).atTime(9, 0), () -> hire(staff, projectId, builtIn + 1, codes, 22, 188));
        for (int year = builtIn + 2; year <= today.getYear(); year++) {
            int y = year;
            LocalDate hired = LocalDate.of(year, 3, 1).isAfter(today) ? today : LocalDate.of(year, 3, 1);
            clock.replayAt(hired.atTime(9, 0), () -> hire(staff, projectId, y, codes, 22, 150));
        }
    }

    private void hire(SignedInUser staff, long projectId, int year, List<String> codes, int longTerm, int seasonal) {
        String[] longTermPositions = { "养殖技术员", "塘口管护员", "设施维修工", "水质检测员" };
        String[] seasonalPositions = { "投苗工", "捕捞工", "分拣包装工", "清塘工" };
        for (int i = 0; i < longTerm; i++) {
            services.assets().addJob(staff, projectId, year, JobKind.LONG_TERM, longTermPositions[i % longTermPositions.length],
                    codes.get(i));
        }
        for (int i = 0; i < seasonal; i++) {
            services.assets().addJob(staff, projectId, year, JobKind.SEASONAL,
                    seasonalPositions[random.nextInt(seasonalPositions.length)], codes.get(longTerm + i));
        }
    }

    private SignedInUser user(String username) {
        return services.accounts().principalOf(username);
    }

}
