package org.workrelief.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.SignedInUser;
import org.workrelief.attendance.PunchRequest;
import org.workrelief.attendance.PunchService;
import org.workrelief.attendance.PunchSource;
import org.workrelief.project.ContractingMode;
import org.workrelief.project.EntityKind;
import org.workrelief.project.Project;
import org.workrelief.project.ProjectForm;
import org.workrelief.project.ProjectService;
import org.workrelief.project.ProjectStatus;
import org.workrelief.project.UnifiedSocialCreditCode;
import org.workrelief.team.SkillType;
import org.workrelief.team.TeamForm;
import org.workrelief.team.TeamService;
import org.workrelief.worker.BankCardNumber;
import org.workrelief.worker.ResidentIdNumber;
import org.workrelief.worker.RosterImportService;

/**
 * The Jiangshan reference project (莱西市姜山镇 共富生态水产养殖示范基地): direct contract to the
 * village-collective company, 1.3 million yuan social capital, 1.61 million yuan planned remuneration,
 * 134 planned trainees, 150 planned workers and 210 enrolled (40% above plan) in six teams. The
 * roster goes in through the real roster import; names are generated, ID numbers (region 370285)
 * and bank cards carry valid check characters, and a few insurance policies expire within days.
 */
final class ReferenceProject {

    static final int ENROLLED = 210;

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华玉兰桂珍凤霞平刚建国志红春梅海燕金荣德福永生文立新宝山林";
    private static final String[] VILLAGES = { "前埠村", "后埠村", "姜山村" };

    private final ProjectService projects;
    private final TeamService teams;
    private final RosterImportService roster;
    private final PunchService punches;
    private final JdbcTemplate jdbc;
    private final Random random = new Random(20250601L);

    ReferenceProject(ProjectService projects, TeamService teams, RosterImportService roster, PunchService punches,
            JdbcTemplate jdbc) {
        this.projects = projects;
        this.teams = teams;
        this.roster = roster;
        this.punches = punches;
        this.jdbc = jdbc;
    }

    Project load(SignedInUser townAdmin, LocalDate today) {
        LocalDate start = today.minusDays(60);
        String creditCode17 = "91370285MA3C" + "XKQ2L";
        ProjectForm form = new ProjectForm("LX-JS-2025-01", "共富生态水产养殖示范基地（澳洲淡水龙虾）", townAdmin.townId(),
                "前埠村、后埠村、姜山村", "姜山镇前埠村东侧洼地", new BigDecimal("36.805200"), new BigDecimal("120.471900"), 800,
                "莱西市姜山镇强村共富有限公司", EntityKind.VILLAGE_COLLECTIVE_COMPANY,
                creditCode17 + UnifiedSocialCreditCode.checkCharacter(creditCode17), ContractingMode.DIRECT,
                start.minusDays(30), "姜山前埠村民代表会议决议〔2025〕1号", "姜党发〔2025〕12号",
                new BigDecimal("4000000.00"), new BigDecimal("500000.00"), new BigDecimal("1300000.00"),
                new BigDecimal("1610000.00"), 150, 134, new BigDecimal("12000.00"), start, today.plusDays(120), null, 0);
        Project project = projects.create(townAdmin, form);
        long id = project.getId();
        teams.create(townAdmin, id, new TeamForm("开挖组", SkillType.EXCAVATION, new BigDecimal("160.00"), "土方开挖、清淤", 0));
        teams.create(townAdmin, id, new TeamForm("运输组", SkillType.TRANSPORT, new BigDecimal("150.00"), "土方、石料转运", 0));
        teams.create(townAdmin, id, new TeamForm("筑坝组", SkillType.DAM_BUILDING, new BigDecimal("170.00"), "塘埂填筑夯实", 0));
        teams.create(townAdmin, id, new TeamForm("护坡砌筑组", SkillType.SLOPE_MASONRY, new BigDecimal("180.00"), "护坡砌石", 0));
        teams.create(townAdmin, id, new TeamForm("棚体搭建组", SkillType.SHED_BUILDING, new BigDecimal("175.00"), "养殖大棚搭建", 0));
        teams.create(townAdmin, id, new TeamForm("养殖设施组", SkillType.OTHER, new BigDecimal("150.00"), "增氧、进排水设施安装", 0));
        projects.advance(townAdmin, id, ProjectStatus.RECRUITING);
        importRoster(townAdmin, id, start, today);
        projects.advance(townAdmin, id, ProjectStatus.UNDER_CONSTRUCTION);
        return project;
    }

    /**
     * The last {@code days} days of sign-ins by the team leaders' roll call: most workers twice a
     * day, a few only in the morning (half days, for the daily review), a few absent.
     */
    void attendance(long projectId, String recordedBy, LocalDate today, int days, java.time.ZoneId zone) {
        List<Long> workers = jdbc.queryForList("select worker_id from enrollment where project_id = ? order by id",
                Long.class, projectId);
        for (int d = days; d >= 1; d--) {
            LocalDate day = today.minusDays(d);
            for (long workerId : workers) {
                int roll = random.nextInt(100);
                if (roll < 5) {
                    continue; // absent
                }
                punch(projectId, workerId, day.atTime(7, 30).plusMinutes(random.nextInt(40)).atZone(zone).toInstant(), recordedBy);
                if (roll >= 8) {
                    punch(projectId, workerId, day.atTime(13, 30).plusMinutes(random.nextInt(25)).atZone(zone).toInstant(), recordedBy);
                }
            }
        }
    }

    private void punch(long projectId, long workerId, java.time.Instant at, String recordedBy) {
        punches.punch(PunchRequest.byWorkerId(projectId, workerId, at, PunchSource.ROLL_CALL, recordedBy));
    }

    private void importRoster(SignedInUser townAdmin, long projectId, LocalDate start, LocalDate today) {
        String[] teamNames = { "开挖组", "运输组", "筑坝组", "护坡砌筑组", "棚体搭建组", "养殖设施组" };
        StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,村,组,户号,户类型,技能,开户银行,银行卡号,班组,招募来源,登记日期,"
                + "合同签订日期,合同开始日期,合同结束日期,保险公司,保单号,保险起期,保险止期\n");
        List<String> households = new ArrayList<>();
        for (int i = 0; i < ENROLLED; i++) {
            String household;
            if (i % 7 == 3 && !households.isEmpty()) {
                household = households.get(households.size() - 1); // some couples work on the site together
            }
            else {
                household = "QB" + String.format("%04d", 100 + i);
                households.add(household);
            }
            String village = VILLAGES[i % VILLAGES.length];
            String status = i % 5 == 0 ? "脱贫户" : i % 11 == 0 ? "监测对象" : i % 13 == 0 ? "低保户" : "一般农户";
            String source = i < 150 ? "前期摸排" : i < 185 ? "开工前确认" : "新吸纳";
            LocalDate insuranceTo = i % 40 == 7 ? today.plusDays(1 + i % 5) : today.plusDays(150);
            csv.append(String.join(",", name(), idNumber(i), "13" + String.format("%09d", 500000000L + i * 7919L), village,
                    (1 + i % 6) + "组", household, status, "", "莱西农商银行", bankCard(i), teamNames[i % teamNames.length],
                    source, start.minusDays(5).toString(), start.minusDays(5).toString(), start.toString(), today.plusDays(150).toString(), "中国人寿",
                    "LX-ACC-2025-" + String.format("%04d", i + 1), start.toString(), insuranceTo.toString())).append('\n');
        }
        try {
            var result = roster.importRoster(townAdmin, projectId, "demo.csv",
                    new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
            if (!result.succeeded()) {
                throw new IllegalStateException("demo roster refused: " + result.errors());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String name() {
        String given = String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextBoolean()) {
            given += GIVEN.charAt(random.nextInt(GIVEN.length()));
        }
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given;
    }

    /** Region 370285 (Laixi), born 1962-2001, a valid check character. */
    private String idNumber(int i) {
        LocalDate birth = LocalDate.of(1962 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String first17 = "370285" + birth.toString().replace("-", "") + String.format("%03d", (i * 37) % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A 19-digit card passing Luhn. */
    private static String bankCard(int i) {
        String first18 = "623059" + String.format("%012d", 100000000L + i * 104729L);
        return first18 + BankCardNumber.checkDigit(first18);
    }
}
