package org.workrelief.scale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.workrelief.common.Masking;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.crypto.ProtectedNumber;
import org.workrelief.project.UnifiedSocialCreditCode;
import org.workrelief.worker.BankCardNumber;
import org.workrelief.worker.ResidentIdNumber;

/**
 * Fills a database with a county of generated data through bulk SQL (one PostgreSQL {@code COPY} per
 * table, streamed while it is generated): towns, accounts, projects under construction with teams,
 * workers (ID and bank card numbers encrypted, hashed and masked by the application's
 * {@link DataProtector}, exactly as the registry stores them), enrollments with contract and
 * insurance, about three months of AM/PM sign-ins, approved daily reviews with their locks and
 * anomaly decisions, and monthly payout batches with lines and cross-confirmations.
 *
 * <p>Everything but the cipher texts (fresh nonce per value) and the database ids follows from the
 * seed: one {@link Random} drawn in a fixed order, so the same seed gives the same towns, worker
 * codes, ID numbers, sign-in times, days and amounts. Ids are reserved in blocks from the tables'
 * identity sequences, so the sequences stay right for the application afterwards.
 *
 * <p>Scale 1.0: 20 towns, 200 projects, 50,000 workers, 92 days ending yesterday (Asia/Shanghai),
 * about six million sign-ins. Scale 0.05: 10 towns, 10 projects, 2,500 workers, the same days.
 * Generated towns have codes {@code XC-nn} and names starting {@code 县测-}; accounts are
 * {@code xc-admin}, {@code xc-finance}, {@code xcNN-staff} and {@code xcNN-sup}, all with the password
 * {@link #PASSWORD}. A database that already holds a generated county is refused.
 *
 * <p>Runs in one transaction (all or nothing), then {@code ANALYZE}. Ids are reserved by moving the
 * sequences, so nothing else should write to the same tables meanwhile.
 *
 * <p>Kept simple: every project is UNDER_CONSTRUCTION and directly contracted; each worker has one
 * active enrollment, a bank card and a household of their own; all sign-ins come from one terminal
 * per team, at least 8 s apart (so no DEVICE_BURST, no hand-recorded or too-soon findings), with
 * coordinates only on the few flagged outside the site; Sundays and about one day in thirty are off;
 * every anomaly is accepted, every review is round 1 with no photos, one committee member per
 * project is on duty every day; batches cover calendar months cut to the approved days (a leading
 * stretch of under a week gets none, so those days stay unpaid), settled batches have every line
 * PAID (no failures, reissues, deductions or objections);
 * terminal token hashes match no real token; no training, assets, dividends, jobs or public posts.
 */
public final class CountyGenerator {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String TOWN_CODE_PREFIX = "XC-";
    public static final String NAME_PREFIX = "县测-";
    /** The password of every generated account. */
    public static final String PASSWORD = "County-Demo-2026";
    public static final int DAYS = 92;

    private static final String[] TOWNS = { "青山镇", "石桥镇", "龙潭镇", "白云镇", "花溪镇", "桃源镇", "清水镇", "红岩镇",
            "松林镇", "柳塘镇", "金竹镇", "凤凰镇", "马场镇", "新寨镇", "平坝镇", "高坡镇", "黄泥镇", "大河镇", "岩脚镇", "长顺镇" };
    private static final String[] WORKS = { "村组道路硬化", "灌溉渠修缮", "山塘整治", "产业路建设", "河道护坡", "蔬菜大棚",
            "机耕道建设", "饮水工程" };
    private static final String[] VILLAGES = { "上寨村", "下坝村", "新田村", "水口村", "坪上村", "河湾村", "岩头村", "竹林村",
            "沙坝村", "茶园村", "双河村", "塘边村" };
    private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "罗", "高", "林", "龙", "潘", "吴", "杨", "石", "韦", "蒙", "田", "雷", "欧" };
    private static final String GIVEN = "明华建国秀英桂兰志强玉梅海燕春生金花德福永红小平光荣文学丽娟家宝发贵成富";
    private static final String[] TEAM_NAMES = { "第一班组", "第二班组", "第三班组", "第四班组", "第五班组", "第六班组" };
    private static final String[] SKILLS = { "EXCAVATION", "TRANSPORT", "DAM_BUILDING", "SLOPE_MASONRY", "SHED_BUILDING",
            "OTHER" };
    private static final String[] BANKS = { "农村信用社", "中国农业银行", "中国邮政储蓄银行" };
    private static final String[] WORKER_SKILLS = { "砌石", "驾驶", "木工", "电工", "钢筋" };

    /** What was generated: rows per table, the largest project id, the first worker id and the time taken. */
    public record Summary(long seed, double scale, LocalDate firstDay, LocalDate lastDay, Map<String, Long> rows,
            Map<String, Double> secondsPerTable, long largestProjectId, long firstWorkerId, double seconds) {

        public long rows(String table) {
            return rows.getOrDefault(table, 0L);
        }

        public String describe() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "County generated: seed %d, scale %s, days %s..%s, %.1f s%n", seed, scale, firstDay,
                    lastDay, seconds));
            rows.forEach((table, n) -> out.append(String.format(Locale.ROOT, "  %-20s %,12d  %6.1f s%n", table, n,
                    secondsPerTable.getOrDefault(table, 0.0))));
            out.append(String.format(Locale.ROOT, "  %-20s %12s  %6.1f s%n", "(commit)", "", secondsPerTable.getOrDefault("(commit)", 0.0)));
            out.append(String.format(Locale.ROOT, "  %-20s %12s  %6.1f s%n", "(analyze)", "", secondsPerTable.getOrDefault("(analyze)", 0.0)));
            out.append("  largest project id   ").append(largestProjectId).append('\n');
            return out.toString();
        }
    }

    /** Generates the county for the 92 days ending yesterday. */
    public static Summary generate(DataSource dataSource, DataProtector protector, long seed, double scale) {
        return generate(dataSource, protector, seed, scale, LocalDate.now(ZONE).minusDays(1));
    }

    public static Summary generate(DataSource dataSource, DataProtector protector, long seed, double scale,
            LocalDate lastDay) {
        return generate(dataSource, protector, seed, scale, lastDay, false);
    }

    /**
     * @param lastDay the last day with sign-ins; the 92 days end there
     * @param auditPunches also write one audit row per sign-in, as the application does (doubles the load)
     */
    public static Summary generate(DataSource dataSource, DataProtector protector, long seed, double scale,
            LocalDate lastDay, boolean auditPunches) {
        return generate(dataSource, protector, seed, scale, lastDay, auditPunches, 3);
    }

    /**
     * @param batchedMonths how many of the months get a payout batch (two settled, the third
     *        publicized); fewer leave approved days unpaid, as the county benchmark needs to time a new batch
     */
    public static Summary generate(DataSource dataSource, DataProtector protector, long seed, double scale,
            LocalDate lastDay, boolean auditPunches, int batchedMonths) {
        if (!(scale > 0) || scale > 10) {
            throw new IllegalArgumentException("scale must be in (0, 10]");
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            CountyGenerator generator = new CountyGenerator(connection, protector, seed, scale, lastDay, auditPunches,
                    batchedMonths);
            try {
                generator.run();
                connection.commit();
            }
            catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
            generator.timings.put("(commit)", (System.nanoTime() - generator.lap) / 1e9);
            long analyzing = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze");
            }
            generator.timings.put("(analyze)", (System.nanoTime() - analyzing) / 1e9);
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Summary(seed, scale, generator.day[0], lastDay, generator.rows, generator.timings,
                    generator.largestProjectId, generator.workerBase, seconds);
        }
        catch (SQLException e) {
            throw new IllegalStateException("county generation failed: " + e.getMessage(), e);
        }
    }

    // --- state ------------------------------------------------------------------------------------

    private final Connection connection;
    private final boolean auditPunches;
    private final int batchedMonths;
    private final DataProtector protector;
    private final long seed;
    private final Random random;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private long lap = System.nanoTime();

    private final int towns;
    private final int projects;
    private final int workers;
    private final LocalDate[] day = new LocalDate[DAYS];
    private final String[] dayText = new String[DAYS];
    private final int reviewedUntil;

    private long townBase;
    private long adminId;
    private final String admin = "xc-admin";
    private long[] supervisorUserId;
    private long projectBase;
    private long largestProjectId;
    private int[] projectTown;
    private String[] projectCode;
    private String[][] projectVillages;
    private LocalDate[] projectStart;
    private LocalDate[] projectEnd;
    private double[] projectLat;
    private double[] projectLon;
    private int[] projectFirstTeam;
    private int[] projectTeamCount;
    private long memberBase;

    private int teams;
    private long teamBase;
    private int[] teamProject;
    private int[] teamFirstWorker;
    private int[] teamSize;
    private int[] teamRate;

    private long workerBase;
    private int[] workerTeam;
    private String[] bankName;
    private ProtectedNumber[] bankCard;

    private CountyGenerator(Connection connection, DataProtector protector, long seed, double scale, LocalDate lastDay,
            boolean auditPunches, int batchedMonths) {
        this.connection = connection;
        this.auditPunches = auditPunches;
        this.batchedMonths = batchedMonths;
        this.protector = protector;
        this.seed = seed;
        this.random = new Random(seed);
        this.projects = Math.max(1, (int) Math.round(200 * scale));
        this.towns = Math.min(TOWNS.length, projects);
        this.workers = Math.max(projects * 10, (int) Math.round(50_000 * scale));
        for (int d = 0; d < DAYS; d++) {
            day[d] = lastDay.minusDays(DAYS - 1 - d);
            dayText[d] = day[d] + " ";
        }
        // the committee approves a day two days later at the latest; the last two days are still open
        this.reviewedUntil = DAYS - 3;
    }

    private void run() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery("select exists (select 1 from town where code like '"
                        + TOWN_CODE_PREFIX + "%' or name like '" + NAME_PREFIX + "%')")) {
            found.next();
            if (found.getBoolean(1)) {
                throw new IllegalStateException("this database already holds a generated county (towns "
                        + TOWN_CODE_PREFIX + "nn); generate into an empty database");
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local synchronous_commit = off");
        }
        townsAndUsers();
        projects();
        workers();
        teamsAndEnrollments();
        committees();
        attendanceReviewsAndPayouts();
        audit();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select setval('worker_code_seq', greatest(" + workers
                    + ", (select last_value from worker_code_seq)))");
            statement.execute("insert into audit_log (occurred_at, actor, action, entity_type, detail) values (now(), '"
                    + admin + "', 'COUNTY_GENERATED', 'county', 'CountyGenerator seed " + seed + ", " + workers
                    + " workers')");
        }
    }

    // --- towns and accounts ---------------------------------------------------------------------

    private void townsAndUsers() throws SQLException {
        String since = timestamp(day[0].minusDays(120), 9, 0, 0);
        townBase = reserve("town", towns);
        try (CopyStream copy = new CopyStream(connection, "town",
                "id, code, name, version, created_at, created_by, updated_at, updated_by")) {
            for (int t = 0; t < towns; t++) {
                copy.num(townBase + t).raw(townCode(t)).text(NAME_PREFIX + TOWNS[t]).num(0).raw(since).text(admin)
                        .raw(since).text(admin).end();
            }
            count("town", copy.finish());
        }
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        int users = 2 + 2 * towns;
        long userBase = reserve("app_user", users);
        adminId = userBase;
        supervisorUserId = new long[towns];
        try (CopyStream copy = new CopyStream(connection, "app_user", "id, username, display_name, password_hash, role, "
                + "town_id, enabled, failed_login_count, version, created_at, created_by, updated_at, updated_by")) {
            user(copy, userBase, admin, NAME_PREFIX + "县管理员", hash, "ADMIN", null, since);
            user(copy, userBase + 1, "xc-finance", NAME_PREFIX + "县财务", hash, "FINANCE", null, since);
            for (int t = 0; t < towns; t++) {
                long id = userBase + 2 + 2L * t;
                user(copy, id, staff(t), NAME_PREFIX + TOWNS[t] + "专干", hash, "STAFF", townBase + t, since);
                user(copy, id + 1, supervisor(t), NAME_PREFIX + TOWNS[t] + "监督员", hash, "SUPERVISOR", townBase + t, since);
                supervisorUserId[t] = id + 1;
            }
            count("app_user", copy.finish());
        }
    }

    private void user(CopyStream copy, long id, String username, String displayName, String hash, String role, Long town,
            String since) throws SQLException {
        copy.num(id).text(username).text(displayName).text(hash).raw(role).raw(town == null ? null : town.toString())
                .bool(true).num(0).num(0).raw(since).text(admin).raw(since).text(admin).end();
    }

    private static String townCode(int t) {
        return TOWN_CODE_PREFIX + String.format(Locale.ROOT, "%02d", t + 1);
    }

    private static String staff(int t) {
        return String.format(Locale.ROOT, "xc%02d-staff", t + 1);
    }

    private static String supervisor(int t) {
        return String.format(Locale.ROOT, "xc%02d-sup", t + 1);
    }

    // --- projects ---------------------------------------------------------------------------------

    private void projects() throws SQLException {
        projectBase = reserve("project", projects);
        largestProjectId = projectBase + projects - 1;
        projectTown = new int[projects];
        projectCode = new String[projects];
        projectVillages = new String[projects][];
        projectStart = new LocalDate[projects];
        projectEnd = new LocalDate[projects];
        projectLat = new double[projects];
        projectLon = new double[projects];
        try (CopyStream copy = new CopyStream(connection, "project", "id, code, name, town_id, villages, location, "
                + "latitude, longitude, radius_m, entity_name, entity_kind, entity_credit_code, contracting_mode, "
                + "council_resolution_date, council_resolution_ref, town_approval_ref, central_funds, local_funds, "
                + "social_capital, planned_remuneration, planned_workers, planned_trainees, income_target_per_worker, "
                + "start_date, planned_completion, status, version, created_at, created_by, updated_at, updated_by")) {
            for (int p = 0; p < projects; p++) {
                int t = p % towns;
                projectTown[p] = t;
                projectCode[p] = String.format(Locale.ROOT, "XC-P%03d", p + 1);
                int v1 = random.nextInt(VILLAGES.length);
                int v2 = (v1 + 1 + random.nextInt(VILLAGES.length - 1)) % VILLAGES.length;
                projectVillages[p] = new String[] { VILLAGES[v1], VILLAGES[v2] };
                projectStart[p] = day[0].minusDays(10 + random.nextInt(40));
                projectEnd[p] = day[DAYS - 1].plusDays(30 + random.nextInt(120));
                projectLat[p] = 25.8 + random.nextInt(1_500_000) / 1e6;
                projectLon[p] = 106.3 + random.nextInt(2_000_000) / 1e6;
                String work = WORKS[random.nextInt(WORKS.length)];
                String name = NAME_PREFIX + TOWNS[t] + VILLAGES[v1] + work + "项目";
                String first17 = "N2" + "5226" + String.format(Locale.ROOT, "%02d", t + 1) + "MA" + creditChars(7);
                String creditCode = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
                long central = 1_500_000L + 10_000L * random.nextInt(250);
                long local = 100_000L + 10_000L * random.nextInt(40);
                int planned = workers / projects;
                String created = timestamp(projectStart[p].minusDays(30), 10, 0, 0);
                copy.num(projectBase + p).raw(projectCode[p]).text(name).num(townBase + t)
                        .text(VILLAGES[v1] + "、" + VILLAGES[v2]).text(NAME_PREFIX + TOWNS[t] + VILLAGES[v1])
                        .raw(String.format(Locale.ROOT, "%.6f", projectLat[p])).raw(String.format(Locale.ROOT, "%.6f", projectLon[p])).num(500)
                        .text(VILLAGES[v1] + "股份经济合作社").raw("VILLAGE_COLLECTIVE_COMPANY").raw(creditCode).raw("DIRECT")
                        .raw(projectStart[p].minusDays(30).toString()).text(VILLAGES[v1] + "村民代表会议决议〔" + (p + 1) + "〕号")
                        .text(TOWNS[t] + "批复〔" + (p + 1) + "〕号").raw(central + ".00").raw(local + ".00").raw("0.00")
                        .raw((long) planned * 150 * 120 + ".00").num(planned).num(planned / 5).raw("12000.00")
                        .raw(projectStart[p].toString()).raw(projectEnd[p].toString()).raw("UNDER_CONSTRUCTION").num(3)
                        .raw(created).text(staff(t)).raw(timestamp(projectStart[p], 9, 0, 0)).text(staff(t)).end();
            }
            count("project", copy.finish());
        }
        try (CopyStream copy = new CopyStream(connection, "attendance_settings", "project_id, am_start, am_end, pm_start, "
                + "pm_end, min_gap_minutes, version, created_at, created_by, updated_at, updated_by")) {
            for (int p = 0; p < projects; p++) {
                String at = timestamp(projectStart[p].minusDays(1), 16, 0, 0);
                copy.num(projectBase + p).raw("05:00").raw("12:00").raw("12:00").raw("21:00").num(240).num(0).raw(at)
                        .text(staff(projectTown[p])).raw(at).text(staff(projectTown[p])).end();
            }
            count("attendance_settings", copy.finish());
        }
    }

    private String creditChars(int n) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    // --- workers ----------------------------------------------------------------------------------

    private void workers() throws SQLException {
        // workers per project: 0.6..1.4 of the mean; teams of 3..6 per project
        double[] weight = new double[projects];
        double sum = 0;
        for (int p = 0; p < projects; p++) {
            weight[p] = 0.6 + 0.8 * random.nextDouble();
            sum += weight[p];
        }
        int[] perProject = new int[projects];
        int assigned = 0;
        for (int p = 0; p < projects; p++) {
            perProject[p] = Math.max(10, (int) Math.floor(workers * weight[p] / sum));
            assigned += perProject[p];
        }
        perProject[projects - 1] += workers - assigned;
        if (perProject[projects - 1] < 10) {
            throw new IllegalStateException("too few workers for the last project");
        }
        projectFirstTeam = new int[projects];
        projectTeamCount = new int[projects];
        List<int[]> teamList = new ArrayList<>();
        int w = 0;
        for (int p = 0; p < projects; p++) {
            int count = Math.min(3 + random.nextInt(4), Math.max(1, perProject[p] / 8));
            projectFirstTeam[p] = teamList.size();
            projectTeamCount[p] = count;
            for (int k = 0; k < count; k++) {
                int size = perProject[p] / count + (k < perProject[p] % count ? 1 : 0);
                teamList.add(new int[] { p, w, size, 120 + 10 * random.nextInt(7) });
                w += size;
            }
        }
        teams = teamList.size();
        teamProject = new int[teams];
        teamFirstWorker = new int[teams];
        teamSize = new int[teams];
        teamRate = new int[teams];
        workerTeam = new int[workers];
        for (int tm = 0; tm < teams; tm++) {
            int[] team = teamList.get(tm);
            teamProject[tm] = team[0];
            teamFirstWorker[tm] = team[1];
            teamSize[tm] = team[2];
            teamRate[tm] = team[3];
            for (int i = 0; i < teamSize[tm]; i++) {
                workerTeam[team[1] + i] = tm;
            }
        }

        workerBase = reserve("worker", workers);
        bankName = new String[workers];
        bankCard = new ProtectedNumber[workers];
        Set<String> usedIds = new HashSet<>(workers * 2);
        LocalDate earliestBirth = LocalDate.of(1960, 1, 1);
        try (CopyStream copy = new CopyStream(connection, "worker", "id, worker_code, town_id, name, id_number_cipher, "
                + "id_number_hash, id_number_masked, birth_date, sex, phone, village, village_group, household_no, "
                + "household_status, skills, bank_name, bank_card_cipher, bank_card_hash, bank_card_masked, version, "
                + "created_at, created_by, updated_at, updated_by")) {
            for (int k = 0; k < workers; k++) {
                int p = teamProject[workerTeam[k]];
                int t = projectTown[p];
                String townCompact = townCode(t).replace("-", "");
                String code = townCompact + String.format(Locale.ROOT, "%06d", k + 1);
                LocalDate birth = earliestBirth.plusDays(random.nextInt(16_000));
                int sequence = random.nextInt(1000);
                String prefix = "5226" + String.format(Locale.ROOT, "%02d", t + 1) + birth.toString().replace("-", "");
                while (!usedIds.add(prefix + String.format(Locale.ROOT, "%03d", sequence))) {
                    sequence = (sequence + 2) % 1000;
                }
                String first17 = prefix + String.format(Locale.ROOT, "%03d", sequence);
                String idNumber = first17 + ResidentIdNumber.checkCharacter(first17);
                String sex = sequence % 2 == 1 ? "MALE" : "FEMALE";
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + (random.nextInt(3) > 0 ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
                String phone = random.nextInt(10) == 0 ? null
                        : "1" + "358".charAt(random.nextInt(3)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
                String village = projectVillages[p][random.nextInt(2)];
                int h = random.nextInt(100);
                String household = h < 40 ? "LIFTED_OUT_OF_POVERTY" : h < 50 ? "MONITORED" : h < 60 ? "SUBSISTENCE_ALLOWANCE"
                        : "ORDINARY";
                String skills = random.nextInt(4) == 0 ? WORKER_SKILLS[random.nextInt(WORKER_SKILLS.length)] : null;
                bankName[k] = BANKS[random.nextInt(BANKS.length)];
                String first18 = "621788" + String.format(Locale.ROOT, "%012d", k + 1);
                String card = first18 + BankCardNumber.checkDigit(first18);
                ProtectedNumber id = protector.protect(idNumber, Masking::idNumber);
                bankCard[k] = protector.protect(card, Masking::bankCard);
                String created = timestamp(projectStart[p], 10, 0, 0);
                copy.num(workerBase + k).raw(code).num(townBase + t).text(name).raw(id.cipher()).raw(id.hash())
                        .raw(id.masked()).raw(birth.toString()).raw(sex).raw(phone).text(village)
                        .text("第" + (1 + random.nextInt(8)) + "组").raw(String.format(Locale.ROOT, "H%06d", k + 1)).raw(household)
                        .text(skills).text(bankName[k]).raw(bankCard[k].cipher()).raw(bankCard[k].hash())
                        .raw(bankCard[k].masked()).num(0).raw(created).text(staff(t)).raw(created).text(staff(t)).end();
            }
            count("worker", copy.finish());
        }
    }

    // --- teams, enrollments, devices, committees --------------------------------------------------

    private void teamsAndEnrollments() throws SQLException {
        teamBase = reserve("work_team", teams);
        try (CopyStream copy = new CopyStream(connection, "work_team", "id, project_id, name, skill_type, day_rate, notes, "
                + "leader_worker_id, version, created_at, created_by, updated_at, updated_by")) {
            for (int tm = 0; tm < teams; tm++) {
                int p = teamProject[tm];
                int k = tm - projectFirstTeam[p];
                String created = timestamp(projectStart[p].minusDays(2), 11, 0, 0);
                copy.num(teamBase + tm).raw(projectBase + p + "").text(TEAM_NAMES[k]).raw(SKILLS[k % SKILLS.length])
                        .raw(teamRate[tm] + ".00").nul().num(workerBase + teamFirstWorker[tm]).num(1).raw(created)
                        .text(staff(projectTown[p])).raw(created).text(staff(projectTown[p])).end();
            }
            count("work_team", copy.finish());
        }
        try (CopyStream copy = new CopyStream(connection, "device_token", "project_id, name, token_hash, last_used_at, "
                + "version, created_at, created_by, updated_at, updated_by")) {
            for (int tm = 0; tm < teams; tm++) {
                int p = teamProject[tm];
                String created = timestamp(projectStart[p].minusDays(1), 15, 0, 0);
                copy.num(projectBase + p).raw(device(tm)).raw(sha256("county-device:" + seed + ":" + tm))
                        .raw(timestamp(day[DAYS - 1], 14, 30, 0)).num(0).raw(created).text(staff(projectTown[p]))
                        .raw(created).text(staff(projectTown[p])).end();
            }
            count("device_token", copy.finish());
        }
        try (CopyStream copy = new CopyStream(connection, "enrollment", "project_id, worker_id, team_id, source, status, "
                + "enrolled_on, contract_signed_on, contract_from, contract_to, insurer, policy_number, insurance_from, "
                + "insurance_to, version, created_at, created_by, updated_at, updated_by")) {
            for (int k = 0; k < workers; k++) {
                int tm = workerTeam[k];
                int p = teamProject[tm];
                LocalDate enrolled = projectStart[p].plusDays(random.nextInt(5));
                int s = random.nextInt(10);
                String source = s < 7 ? "SURVEYED" : s < 9 ? "RECONFIRMED" : "ADDED";
                String created = timestamp(enrolled, 10, 30, 0);
                String by = staff(projectTown[p]);
                copy.num(projectBase + p).num(workerBase + k).num(teamBase + tm).raw(source).raw("ACTIVE")
                        .raw(enrolled.toString()).raw(enrolled.toString()).raw(enrolled.toString())
                        .raw(projectEnd[p].toString()).text("中国人民财产保险").raw(String.format(Locale.ROOT, "XCPA%08d", k + 1))
                        .raw(enrolled.toString()).raw(enrolled.plusDays(364).toString()).num(0).raw(created).text(by)
                        .raw(created).text(by).end();
            }
            count("enrollment", copy.finish());
        }
    }

    private void committees() throws SQLException {
        memberBase = reserve("committee_member", projects);
        try (CopyStream copy = new CopyStream(connection, "committee_member", "id, project_id, user_id, kind, active, "
                + "version, created_at, created_by, updated_at, updated_by")) {
            for (int p = 0; p < projects; p++) {
                String created = timestamp(projectStart[p].minusDays(3), 9, 30, 0);
                copy.num(memberBase + p).num(projectBase + p).num(supervisorUserId[projectTown[p]]).raw("CADRE").bool(true)
                        .num(0).raw(created).text(admin).raw(created).text(admin).end();
            }
            count("committee_member", copy.finish());
        }
        try (CopyStream copy = new CopyStream(connection, "duty_assignment", "project_id, duty_date, member_id, version, "
                + "created_at, created_by, updated_at, updated_by")) {
            for (int p = 0; p < projects; p++) {
                String created = timestamp(day[0].minusDays(1), 8, 0, 0);
                String by = staff(projectTown[p]);
                for (int d = 0; d < DAYS + 7; d++) {
                    copy.num(projectBase + p).raw(day[0].plusDays(d).toString()).num(memberBase + p).num(0).raw(created)
                            .text(by).raw(created).text(by).end();
                }
            }
            count("duty_assignment", copy.finish());
        }
    }

    private static String device(int team) {
        return String.format(Locale.ROOT, "XC-GATE-%04d", team + 1);
    }

    // --- attendance, reviews, payouts -------------------------------------------------------------

    private record Finding(int project, int day, String kind, long workerId) {
    }

    private void attendanceReviewsAndPayouts() throws SQLException {
        // the calendar months the days touch (see payouts for which of them are paid)
        List<int[]> segments = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            if (d == 0 || day[d].getDayOfMonth() == 1) {
                segments.add(new int[] { d, d });
            }
            segments.get(segments.size() - 1)[1] = d;
        }
        int segmentCount = segments.size();
        int[] segmentOf = new int[DAYS];
        for (int s = 0; s < segmentCount; s++) {
            for (int d = segments.get(s)[0]; d <= segments.get(s)[1]; d++) {
                segmentOf[d] = s;
            }
        }
        int[] full = new int[workers * segmentCount];
        int[] half = new int[workers * segmentCount];
        int[][] present = new int[projects][DAYS];
        List<Finding> findings = new ArrayList<>();

        int maxTeam = 0;
        for (int size : teamSize) {
            maxTeam = Math.max(maxTeam, size);
        }
        int[] amList = new int[maxTeam];
        int[] pmList = new int[maxTeam];
        byte[] state = new byte[maxTeam];
        boolean[] outsideToday = new boolean[maxTeam];
        try (CopyStream copy = new CopyStream(connection, "punch", "project_id, worker_id, work_date, slot, punched_at, "
                + "source, device_id, recorded_by, latitude, longitude, flag_too_soon, flag_outside, version, created_at, "
                + "created_by, updated_at, updated_by")) {
            for (int p = 0; p < projects; p++) {
                String projectId = Long.toString(projectBase + p);
                String farLat = String.format(Locale.ROOT, "%.6f", projectLat[p] + 0.03);
                String farLon = String.format(Locale.ROOT, "%.6f", projectLon[p] + 0.03);
                int previousPresent = 0;
                for (int d = 0; d < DAYS; d++) {
                    // Sundays off, and about one day in thirty lost to rain
                    boolean rain = random.nextInt(30) == 0;
                    if (day[d].getDayOfWeek() == DayOfWeek.SUNDAY || rain) {
                        continue;
                    }
                    int s = segmentOf[d];
                    for (int tm = projectFirstTeam[p]; tm < projectFirstTeam[p] + projectTeamCount[p]; tm++) {
                        String device = device(tm);
                        String recorder = "device:" + device;
                        int am = 0;
                        int pm = 0;
                        for (int i = 0; i < teamSize[tm]; i++) {
                            int r = random.nextInt(100);
                            // 0 absent, 1 AM only, 2 PM only, 3 full day
                            state[i] = (byte) (r < 17 ? 0 : r < 19 ? 1 : r < 20 ? 2 : 3);
                            outsideToday[i] = false;
                            if (state[i] == 1 || state[i] == 3) {
                                amList[am++] = i;
                            }
                            if (state[i] == 2 || state[i] == 3) {
                                pmList[pm++] = i;
                            }
                        }
                        // one terminal per team; sign-ins at least 8 s apart, never ten within a minute (no burst)
                        shuffle(amList, am);
                        shuffle(pmList, pm);
                        int amStart = 7 * 3600 + 44 * 60 + random.nextInt(8 * 60);
                        int pmStart = 13 * 3600 + 30 * 60 + random.nextInt(40 * 60);
                        for (int slot = 0; slot < 2; slot++) {
                            int[] list = slot == 0 ? amList : pmList;
                            int n = slot == 0 ? am : pm;
                            int start = slot == 0 ? amStart : pmStart;
                            for (int j = 0; j < n; j++) {
                                int i = list[j];
                                int k = teamFirstWorker[tm] + i;
                                String at = dayText[d] + clock(start + 8 * j + random.nextInt(4)) + "+08";
                                boolean outside = random.nextInt(1000) == 0;
                                outsideToday[i] |= outside;
                                copy.raw(projectId).num(workerBase + k).raw(day[d].toString()).raw(slot == 0 ? "AM" : "PM")
                                        .raw(at).raw("DEVICE").raw(device).raw(recorder).raw(outside ? farLat : null)
                                        .raw(outside ? farLon : null).bool(false).bool(outside).num(0).raw(at).raw(recorder)
                                        .raw(at).raw(recorder).end();
                            }
                        }
                        for (int i = 0; i < teamSize[tm]; i++) {
                            int k = teamFirstWorker[tm] + i;
                            // what the payouts may count: approved days only
                            boolean approved = d <= reviewedUntil;
                            if (state[i] == 3) {
                                full[k * segmentCount + s] += approved ? 1 : 0;
                                present[p][d]++;
                            }
                            else if (state[i] != 0) {
                                half[k * segmentCount + s] += approved ? 1 : 0;
                                present[p][d]++;
                                findings.add(new Finding(p, d, "HALF_DAY", workerBase + k));
                            }
                            if (outsideToday[i]) {
                                findings.add(new Finding(p, d, "OUTSIDE_SITE", workerBase + k));
                            }
                        }
                    }
                    if (previousPresent > 0
                            && Math.abs(present[p][d] - previousPresent) * 100 > 30 * previousPresent) {
                        findings.add(new Finding(p, d, "HEADCOUNT_SWING", 0));
                    }
                    if (present[p][d] > 0) {
                        previousPresent = present[p][d];
                    }
                }
            }
            count("punch", copy.finish());
        }
        // the register of worked days, as the first sign-in of each day writes it
        try (CopyStream copy = new CopyStream(connection, "attendance_day", "project_id, work_date")) {
            for (int p = 0; p < projects; p++) {
                for (int d = 0; d < DAYS; d++) {
                    if (present[p][d] > 0) {
                        copy.num(projectBase + p).raw(day[d].toString()).end();
                    }
                }
            }
            count("attendance_day", copy.finish());
        }

        // daily reviews (approved) and locks for every worked day up to two days ago
        int reviews = 0;
        for (int p = 0; p < projects; p++) {
            for (int d = 0; d <= reviewedUntil; d++) {
                if (present[p][d] > 0) {
                    reviews++;
                }
            }
        }
        long reviewBase = reserve("daily_review", reviews);
        long[][] reviewId = new long[projects][DAYS];
        try (CopyStream copy = new CopyStream(connection, "daily_review", "id, project_id, review_date, round, status, "
                + "opened_by, opened_at, quality_result, quality_notes, safety_helmets, safety_signage, safety_slope, "
                + "safety_machinery, safety_notes, approved_by, approved_at, version, created_at, created_by, updated_at, "
                + "updated_by")) {
            long next = reviewBase;
            for (int p = 0; p < projects; p++) {
                String by = supervisor(projectTown[p]);
                for (int d = 0; d <= reviewedUntil; d++) {
                    if (present[p][d] == 0) {
                        continue;
                    }
                    reviewId[p][d] = next;
                    String opened = timestamp(day[d], 17, 30, 0);
                    String approved = timestamp(day[d], 18, 40, 0);
                    copy.num(next++).num(projectBase + p).raw(day[d].toString()).num(1).raw("APPROVED").text(by).raw(opened)
                            .raw("PASS").nul().bool(true).bool(true).bool(true).bool(true).nul().text(by).raw(approved)
                            .num(6).raw(opened).text(by).raw(approved).text(by).end();
                }
            }
            count("daily_review", copy.finish());
        }
        try (CopyStream copy = new CopyStream(connection, "attendance_lock", "project_id, work_date, locked_at, locked_by, "
                + "present")) {
            for (int p = 0; p < projects; p++) {
                for (int d = 0; d <= reviewedUntil; d++) {
                    if (reviewId[p][d] != 0) {
                        copy.num(projectBase + p).raw(day[d].toString()).raw(timestamp(day[d], 18, 40, 0))
                                .text(supervisor(projectTown[p])).num(present[p][d]).end();
                    }
                }
            }
            count("attendance_lock", copy.finish());
        }
        // the register of worked days carries the lock too, as AttendanceLocks keeps it
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("update attendance_day d set locked = true from attendance_lock l "
                    + "where l.project_id = d.project_id and l.work_date = d.work_date and d.project_id between "
                    + projectBase + " and " + (projectBase + projects - 1));
        }
        try (CopyStream copy = new CopyStream(connection, "anomaly_decision", "review_id, anomaly_key, kind, decision, "
                + "reason, worker_ids, decided_by, decided_at, version, created_at, created_by, updated_at, updated_by")) {
            for (Finding f : findings) {
                long review = reviewId[f.project()][f.day()];
                if (review == 0) {
                    continue;
                }
                String key = f.workerId() == 0 ? f.kind() : f.kind() + ":w" + f.workerId();
                String reason = switch (f.kind()) {
                    case "HALF_DAY" -> "已核实：当天只出工半天";
                    case "OUTSIDE_SITE" -> "已核实：在料场取料，位置在工地外";
                    default -> "已核实：天气和农忙，出工人数变化属实";
                };
                String by = supervisor(projectTown[f.project()]);
                String at = timestamp(day[f.day()], 18, 20, 0);
                copy.num(review).text(key).raw(f.kind()).raw("ACCEPTED").text(reason)
                        .raw(f.workerId() == 0 ? "{}" : "{" + f.workerId() + "}").text(by).raw(at).num(0).raw(at).text(by)
                        .raw(at).text(by).end();
            }
            count("anomaly_decision", copy.finish());
        }
        payouts(segments, full, half);
    }

    private void payouts(List<int[]> months, int[] full, int[] half) throws SQLException {
        int segmentCount = months.size();
        // months cut at the last approved day; of those with a week or more, the first two are
        // settled and the third (usually the current month so far) is publicized
        List<int[]> segments = new ArrayList<>();
        List<Integer> paid = new ArrayList<>();
        for (int s = 0; s < segmentCount; s++) {
            int[] clipped = { months.get(s)[0], Math.min(months.get(s)[1], reviewedUntil) };
            segments.add(clipped);
            if (clipped[1] - clipped[0] + 1 >= 7 && paid.size() < batchedMonths) {
                paid.add(s);
            }
        }
        int lines = 0;
        int batches = 0;
        for (int p = 0; p < projects; p++) {
            for (int s : paid) {
                int inBatch = 0;
                for (int tm = projectFirstTeam[p]; tm < projectFirstTeam[p] + projectTeamCount[p]; tm++) {
                    for (int i = 0; i < teamSize[tm]; i++) {
                        int k = teamFirstWorker[tm] + i;
                        if (full[k * segmentCount + s] + half[k * segmentCount + s] > 0) {
                            inBatch++;
                        }
                    }
                }
                if (inBatch > 0) {
                    batches++;
                    lines += inBatch;
                }
            }
        }
        long batchBase = reserve("payout_batch", batches);
        long lineBase = reserve("payout_line", lines);
        List<Long> settled = new ArrayList<>();
        byte[] token = new byte[16];
        try (CopyStream batch = new CopyStream(connection, "payout_batch", "id, project_id, period_from, period_to, status, "
                + "prepared_by, notice_token, publicized_at, notice_until, version, created_at, created_by, updated_at, "
                + "updated_by")) {
            long nextBatch = batchBase;
            for (int p = 0; p < projects; p++) {
                for (int n = 0; n < paid.size(); n++) {
                    int s = paid.get(n);
                    if (!hasLines(p, s, segmentCount, full, half)) {
                        continue;
                    }
                    LocalDate to = day[segments.get(s)[1]];
                    random.nextBytes(token);
                    String created = timestamp(to.plusDays(1), 8, 30, 0);
                    String publicized = timestamp(to.plusDays(1), 9, 0, 0);
                    batch.num(nextBatch).num(projectBase + p).raw(day[segments.get(s)[0]].toString()).raw(to.toString())
                            .raw("PUBLICIZED").text(staff(projectTown[p])).raw(HexFormat.of().formatHex(token))
                            .raw(publicized).raw(timestamp(to.plusDays(8), 9, 0, 0)).num(1).raw(created)
                            .text(staff(projectTown[p])).raw(publicized).text(staff(projectTown[p])).end();
                    if (n < 2) {
                        settled.add(nextBatch);
                    }
                    nextBatch++;
                }
            }
            count("payout_batch", batch.finish());
        }
        // lines, then two co-workers' confirmations per line while the batch is still open
        long[] lineOf = new long[workers];
        try (CopyStream copy = new CopyStream(connection, "payout_line", "id, batch_id, worker_id, team_id, team_name, "
                + "full_days, half_days, days, day_rate, amount_due, deduction, amount_payable, status, bank_name, "
                + "bank_card_cipher, bank_card_masked, bank_card_hash, paid_on, version, created_at, created_by, "
                + "updated_at, updated_by")) {
            long nextLine = lineBase;
            long nextBatch = batchBase;
            for (int p = 0; p < projects; p++) {
                for (int n = 0; n < paid.size(); n++) {
                    int s = paid.get(n);
                    if (!hasLines(p, s, segmentCount, full, half)) {
                        continue;
                    }
                    boolean released = n < 2;
                    LocalDate to = day[segments.get(s)[1]];
                    String created = timestamp(to.plusDays(1), 8, 30, 0);
                    String by = staff(projectTown[p]);
                    for (int tm = projectFirstTeam[p]; tm < projectFirstTeam[p] + projectTeamCount[p]; tm++) {
                        for (int i = 0; i < teamSize[tm]; i++) {
                            int k = teamFirstWorker[tm] + i;
                            int f = full[k * segmentCount + s];
                            int h = half[k * segmentCount + s];
                            if (f + h == 0) {
                                continue;
                            }
                            int halves = 2 * f + h;
                            long cents = (long) halves * teamRate[tm] * 50;
                            String amount = money(cents);
                            copy.num(nextLine).num(nextBatch).num(workerBase + k).num(teamBase + tm)
                                    .text(TEAM_NAMES[tm - projectFirstTeam[p]]).num(f).num(h)
                                    .raw(halves / 2 + (halves % 2 == 0 ? ".0" : ".5")).raw(teamRate[tm] + ".00").raw(amount)
                                    .raw("0.00").raw(amount).raw(released ? "PAID" : "PENDING")
                                    .text(released ? bankName[k] : null).raw(released ? bankCard[k].cipher() : null)
                                    .raw(released ? bankCard[k].masked() : null).raw(released ? bankCard[k].hash() : null)
                                    .raw(released ? to.plusDays(12).toString() : null).num(released ? 2 : 0).raw(created)
                                    .text(by).raw(released ? timestamp(to.plusDays(12), 16, 0, 0) : created)
                                    .text(released ? admin : by).end();
                            nextLine++;
                        }
                    }
                    nextBatch++;
                }
            }
            count("payout_line", copy.finish());
        }
        try (CopyStream copy = new CopyStream(connection, "cross_confirmation", "line_id, slot, witness_worker_id, "
                + "payee_worker_id, sheet_ref, method, version, created_at, created_by, updated_at, updated_by")) {
            long nextLine = lineBase;
            for (int p = 0; p < projects; p++) {
                for (int n = 0; n < paid.size(); n++) {
                    int s = paid.get(n);
                    if (!hasLines(p, s, segmentCount, full, half)) {
                        continue;
                    }
                    LocalDate to = day[segments.get(s)[1]];
                    String at = timestamp(min(to.plusDays(3), day[DAYS - 1]), 15, 0, 0);
                    String by = staff(projectTown[p]);
                    YearMonth month = YearMonth.from(to);
                    for (int tm = projectFirstTeam[p]; tm < projectFirstTeam[p] + projectTeamCount[p]; tm++) {
                        int size = teamSize[tm];
                        for (int i = 0; i < size; i++) {
                            int k = teamFirstWorker[tm] + i;
                            if (full[k * segmentCount + s] + half[k * segmentCount + s] > 0) {
                                lineOf[k] = nextLine++;
                            }
                            else {
                                lineOf[k] = 0;
                            }
                        }
                        String sheet = projectCode[p] + "-" + month + "-" + (tm - projectFirstTeam[p] + 1);
                        for (int i = 0; i < size; i++) {
                            int k = teamFirstWorker[tm] + i;
                            if (lineOf[k] == 0) {
                                continue;
                            }
                            // the next two team members with days in the month vouch for the line
                            int slot = 1;
                            for (int step = 1; step < size && slot <= 2; step++) {
                                int witness = teamFirstWorker[tm] + (i + step) % size;
                                if (lineOf[witness] == 0) {
                                    continue;
                                }
                                copy.num(lineOf[k]).num(slot++).num(workerBase + witness).num(workerBase + k).text(sheet)
                                        .text("TYPED").num(0).raw(at).text(by).raw(at).text(by).end();
                            }
                        }
                    }
                }
            }
            count("cross_confirmation", copy.finish());
        }
        // approved by the county, released to the bank, settled: from here on the lines are frozen
        try (PreparedStatement statement = connection.prepareStatement("""
                update payout_batch set status = 'SETTLED', approved_by = ?, approved_at = notice_until + interval '1 day',
                    released_by = ?, released_at = notice_until + interval '1 day 1 hour',
                    settled_at = notice_until + interval '4 days', version = version + 3,
                    updated_at = notice_until + interval '4 days', updated_by = ?
                where id = any (?)
                """)) {
            statement.setString(1, admin);
            statement.setString(2, admin);
            statement.setString(3, admin);
            statement.setArray(4, connection.createArrayOf("bigint", settled.toArray()));
            statement.executeUpdate();
        }
    }

    private boolean hasLines(int p, int s, int segmentCount, int[] full, int[] half) {
        for (int tm = projectFirstTeam[p]; tm < projectFirstTeam[p] + projectTeamCount[p]; tm++) {
            for (int i = 0; i < teamSize[tm]; i++) {
                int k = teamFirstWorker[tm] + i;
                if (full[k * segmentCount + s] + half[k * segmentCount + s] > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- audit --------------------------------------------------------------------------------------

    /**
     * The audit trail the services would have written for these records (rule 10), derived set-wise
     * from the rows just loaded: registrations, enrollments, reviews, locks, anomaly decisions, batch
     * steps and confirmations, each at the time of its event. With {@code auditPunches}, also one
     * PUNCH_RECORDED row per sign-in (as PunchService writes it), which doubles the load.
     */
    private void audit() throws SQLException {
        String generated = "(select id from town where code like '" + TOWN_CODE_PREFIX + "%')";
        String insert = "insert into audit_log (occurred_at, actor, action, entity_type, entity_id, town_id, project_id, "
                + "before_state, after_state, detail) ";
        List<String> steps = new ArrayList<>(List.of(
                insert + """
                select w.created_at, w.created_by, 'WORKER_REGISTERED', 'Worker', w.id::text, w.town_id, e.project_id, null,
                       jsonb_build_object('workerCode', w.worker_code, 'name', w.name, 'idNumber', w.id_number_masked,
                           'village', w.village, 'householdStatus', w.household_status, 'bankCard', w.bank_card_masked),
                       'roster import'
                from worker w join enrollment e on e.worker_id = w.id where w.town_id in %1$s
                """,
                insert + """
                select e.created_at, e.created_by, 'ENROLLED', 'Enrollment', e.id::text, p.town_id, e.project_id, null, null,
                       'roster import'
                from enrollment e join project p on p.id = e.project_id where p.town_id in %1$s
                """,
                insert + """
                select r.opened_at, r.opened_by, a.action, 'DailyReview', r.id::text, p.town_id, p.id,
                       a.before_state, a.after_state, r.review_date::text
                from daily_review r join project p on p.id = r.project_id
                cross join lateral (values
                    ('REVIEW_OPENED', null::jsonb, jsonb_build_object('status', 'OPEN', 'round', r.round)),
                    ('REVIEW_CHECKS_RECORDED', null, jsonb_build_object('quality', r.quality_result, 'helmets', true,
                        'signage', true, 'slope', true, 'machinery', true))) a (action, before_state, after_state)
                where p.town_id in %1$s
                """,
                insert + """
                select d.decided_at, d.decided_by, 'ANOMALY_DECIDED', 'DailyReview', r.id::text, p.town_id, p.id, null,
                       jsonb_build_object('anomaly', d.anomaly_key, 'decision', d.decision, 'reason', d.reason,
                           'workers', to_jsonb(d.worker_ids)), d.anomaly_key
                from anomaly_decision d join daily_review r on r.id = d.review_id join project p on p.id = r.project_id
                where p.town_id in %1$s
                """,
                insert + """
                select l.locked_at, l.locked_by, 'ATTENDANCE_DAY_LOCKED', 'AttendanceDay', l.project_id || '/' || l.work_date,
                       p.town_id, p.id, null, null, null
                from attendance_lock l join project p on p.id = l.project_id where p.town_id in %1$s
                """,
                insert + """
                select r.approved_at, r.approved_by, 'REVIEW_APPROVED', 'DailyReview', r.id::text, p.town_id, p.id,
                       '{"status": "OPEN"}'::jsonb, jsonb_build_object('status', 'APPROVED', 'quality', r.quality_result),
                       r.review_date::text
                from daily_review r join project p on p.id = r.project_id where p.town_id in %1$s
                """,
                insert + """
                select a.at, a.actor, a.action, 'PayoutBatch', b.id::text, p.town_id, p.id, null, null,
                       b.period_from || '~' || b.period_to
                from payout_batch b join project p on p.id = b.project_id
                cross join lateral (values
                    (b.created_at, b.prepared_by, 'PAYOUT_BATCH_CREATED'),
                    (b.publicized_at, b.prepared_by, 'PAYOUT_BATCH_PUBLICIZED'),
                    (b.approved_at, b.approved_by, 'PAYOUT_BATCH_APPROVED'),
                    (b.released_at, b.released_by, 'PAYOUT_BATCH_RELEASED'),
                    (b.settled_at, b.released_by, 'BANK_RESULTS_IMPORTED')) a (at, actor, action)
                where p.town_id in %1$s and a.at is not null
                """,
                insert + """
                select c.created_at, c.created_by, 'CONFIRMATION_RECORDED', 'PayoutLine', c.line_id::text, p.town_id, p.id,
                       null, jsonb_build_object('witness', c.witness_worker_id, 'slot', c.slot, 'sheet', c.sheet_ref),
                       'batch ' || l.batch_id || ', worker ' || w.worker_code
                from cross_confirmation c join payout_line l on l.id = c.line_id join payout_batch b on b.id = l.batch_id
                join project p on p.id = b.project_id join worker w on w.id = c.payee_worker_id
                where p.town_id in %1$s
                """));
        if (auditPunches) {
            steps.add(insert + """
                    select p.created_at, p.recorded_by, 'PUNCH_RECORDED', 'Punch', null, pr.town_id, p.project_id, null,
                           jsonb_build_object('workerId', p.worker_id, 'day', p.work_date::text, 'slot', p.slot,
                               'punchedAt', p.punched_at, 'source', p.source), p.device_id
                    from punch p join project pr on pr.id = p.project_id where pr.town_id in %1$s
                    """);
        }
        long written = 0;
        try (Statement statement = connection.createStatement()) {
            for (String step : steps) {
                written += statement.executeUpdate(String.format(step, generated));
            }
        }
        count("audit_log", written);
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Reserves {@code n} consecutive ids from the table's identity sequence; returns the first. */
    private long reserve(String table, long n) throws SQLException {
        if (n == 0) {
            return 0;
        }
        String sequence = "pg_get_serial_sequence('" + table + "', 'id')";
        try (Statement statement = connection.createStatement();
                ResultSet last = statement.executeQuery(
                        "select setval(" + sequence + ", nextval(" + sequence + ") + " + (n - 1) + ")")) {
            last.next();
            return last.getLong(1) - n + 1;
        }
    }

    private void count(String table, long n) {
        rows.merge(table, n, Long::sum);
        long now = System.nanoTime();
        timings.merge(table, (now - lap) / 1e9, Double::sum);
        lap = now;
    }

    private void shuffle(int[] values, int n) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static String clock(int secondOfDay) {
        int h = secondOfDay / 3600;
        int m = secondOfDay / 60 % 60;
        int s = secondOfDay % 60;
        char[] out = { (char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10), (char) ('0' + m % 10),
                ':', (char) ('0' + s / 10), (char) ('0' + s % 10) };
        return new String(out);
    }

    private static String timestamp(LocalDate date, int hour, int minute, int second) {
        return date + " " + clock(hour * 3600 + minute * 60 + second) + "+08";
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
