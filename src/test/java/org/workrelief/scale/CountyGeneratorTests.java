package org.workrelief.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.workrelief.common.Masking;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.supervision.ApprovedAttendance;
import org.workrelief.support.TestDatabase;
import org.workrelief.worker.ResidentIdNumber;

/**
 * A small county (scale 0.05) generated into a database of its own on the test server (so the
 * other integration tests' shared database never sees it), read back through the application, and
 * generated a second time from the same seed into another fresh database to show it repeats.
 */
@SpringBootTest(properties = { "workrelief.jobs.enabled=false", "spring.datasource.hikari.maximum-pool-size=3" })
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountyGeneratorTests {

    private static final long SEED = 20260601L;
    private static final double SCALE = 0.05;
    private static final LocalDate LAST_DAY = LocalDate.now(CountyGenerator.ZONE).minusDays(1);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwnDatabase(registry, "county_generated");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    DataProtector protector;

    @Autowired
    ApprovedAttendance approvedAttendance;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    MockMvc mvc;

    JdbcTemplate jdbc;
    CountyGenerator.Summary summary;

    /** The generator loads history as the schema's owner (it sets sequences). */
    @Autowired
    org.flywaydb.core.Flyway flyway;

    @BeforeAll
    void generate() {
        jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("county_generated");
        summary = CountyGenerator.generate(flyway.getConfiguration().getDataSource(), protector, SEED, SCALE, LAST_DAY);
        System.out.println(summary.describe());
    }

    @Test
    void generatesASmallCountyWithConsistentCounts() {
        assertThat(summary.firstDay()).isEqualTo(LAST_DAY.minusDays(CountyGenerator.DAYS - 1));
        assertThat(count("select count(*) from town where code like 'XC-%' and name like '县测-%'")).isEqualTo(10);
        assertThat(count("select count(*) from project")).isEqualTo(10).isEqualTo(summary.rows("project"));
        assertThat(count("select max(id) from project")).isEqualTo(summary.largestProjectId());
        assertThat(count("select count(*) from project where status = 'UNDER_CONSTRUCTION'")).isEqualTo(10);
        assertThat(count("select count(*) from worker")).isEqualTo(2_500);
        assertThat(count("select count(*) from enrollment where status = 'ACTIVE'")).isEqualTo(2_500);
        assertThat(count("select count(distinct worker_id) from enrollment")).isEqualTo(2_500);
        assertThat(count("select count(*) from attendance_settings")).isEqualTo(10);
        assertThat(count("select count(*) from app_user where role = 'ADMIN'")).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from app_user where role = 'STAFF' and town_id is not null")).isEqualTo(10);
        String adminHash = jdbc.queryForObject("select password_hash from app_user where username = 'xc-admin'", String.class);
        assertThat(passwordEncoder.matches(CountyGenerator.PASSWORD, adminHash)).isTrue();
        long punches = count("select count(*) from punch");
        assertThat(punches).isEqualTo(summary.rows("punch")).isBetween(250_000L, 400_000L);
        // every sign-in falls on an eligible day of its enrollment, in its slot's window
        assertThat(count("""
                select count(*) from punch p join enrollment e on e.worker_id = p.worker_id and e.project_id = p.project_id
                where p.work_date < e.contract_signed_on or p.work_date not between e.insurance_from and e.insurance_to
                """)).isZero();
        assertThat(count("""
                select count(*) from punch where (slot = 'AM') <> ((punched_at at time zone 'Asia/Shanghai')::time < '12:00')
                """)).isZero();
        // reviews: every worked day up to two days ago approved and locked, none after
        assertThat(count("""
                select count(*) from (select distinct project_id, work_date from punch where work_date <= ?) worked
                where not exists (select 1 from daily_review r where r.project_id = worked.project_id
                                  and r.review_date = worked.work_date and r.status = 'APPROVED')
                """, LAST_DAY.minusDays(2))).isZero();
        assertThat(count("select count(*) from daily_review where review_date > ?", LAST_DAY.minusDays(2))).isZero();
        assertThat(count("select count(*) from attendance_lock")).isEqualTo(count("select count(*) from daily_review"));
        // each half day has its accepted decision
        assertThat(count("""
                select count(*) from (select project_id, worker_id, work_date from punch where work_date <= ?
                                      group by 1, 2, 3 having count(*) = 1) h
                where not exists (select 1 from daily_review r join anomaly_decision d on d.review_id = r.id
                                  where r.project_id = h.project_id and r.review_date = h.work_date
                                  and d.anomaly_key = 'HALF_DAY:w' || h.worker_id)
                """, LAST_DAY.minusDays(2))).isZero();
        // payouts: two settled months per project, amounts = days x day rate, two confirmations per line
        assertThat(count("select count(*) from payout_batch where status = 'SETTLED'")).isEqualTo(20);
        assertThat(count("select count(*) from payout_batch where status = 'PUBLICIZED'")).isEqualTo(10);
        assertThat(count("select count(*) from payout_batch where period_to > ?", LAST_DAY.minusDays(2))).isZero();
        assertThat(count("select count(*) from payout_line l join payout_batch b on b.id = l.batch_id "
                + "where b.status = 'PUBLICIZED' and (l.status <> 'PENDING' or l.bank_card_hash is not null)")).isZero();
        assertThat(count("select count(*) from payout_line where amount_due <> days * day_rate "
                + "or days <> full_days + half_days * 0.5 or amount_payable <> amount_due")).isZero();
        assertThat(count("""
                select count(*) from payout_line l join payout_batch b on b.id = l.batch_id
                where b.status = 'SETTLED' and (l.status <> 'PAID' or l.bank_card_hash is null
                      or (select count(*) from cross_confirmation c where c.line_id = l.id) <> 2)
                """)).isZero();
        assertThat(count("select count(*) from cross_confirmation")).isEqualTo(summary.rows("cross_confirmation"));
        // the audit trail of what the services would have recorded, at the events' times
        assertThat(count("select count(*) from audit_log where action = 'WORKER_REGISTERED'")).isEqualTo(2_500);
        assertThat(count("select count(*) from audit_log where action = 'REVIEW_APPROVED'"))
                .isEqualTo(summary.rows("daily_review"));
        assertThat(count("select count(*) from audit_log where action = 'CONFIRMATION_RECORDED'"))
                .isEqualTo(summary.rows("cross_confirmation"));
        assertThat(count("select count(*) from audit_log where occurred_at > now()")).isZero();
    }

    @Test
    void payoutLinesAgreeWithTheApplicationsApprovedAttendance() {
        Map<String, Object> batch = jdbc.queryForMap("""
                select id, project_id, period_from, period_to from payout_batch
                order by period_from desc, project_id limit 1
                """);
        long projectId = ((Number) batch.get("project_id")).longValue();
        LocalDate from = ((java.sql.Date) batch.get("period_from")).toLocalDate();
        LocalDate to = ((java.sql.Date) batch.get("period_to")).toLocalDate();
        assertThat(YearMonth.from(from)).isEqualTo(YearMonth.from(to));
        List<ApprovedAttendance.WorkerTotals> totals = approvedAttendance.totals(projectId, from, to);
        List<ApprovedAttendance.WorkerTotals> lines = jdbc.query(
                "select worker_id, full_days, half_days from payout_line where batch_id = ?",
                (rs, i) -> new ApprovedAttendance.WorkerTotals(rs.getLong(1), rs.getInt(2), rs.getInt(3)), batch.get("id"));
        assertThat(lines).isNotEmpty().containsExactlyInAnyOrderElementsOf(totals);
    }

    @Test
    void theScreensOpenOnTheGeneratedCounty() throws Exception {
        UserDetails admin = userDetails.loadUserByUsername("xc-admin");
        UserDetails staff = userDetails.loadUserByUsername("xc01-staff");
        UserDetails supervisor = userDetails.loadUserByUsername("xc01-sup");
        long project = count("select min(p.id) from project p join town t on t.id = p.town_id where t.code = 'XC-01'");
        long batch = count("select min(id) from payout_batch where project_id = ? and status = 'SETTLED'", project);
        long team = count("select min(id) from work_team where project_id = ?", project);
        long worker = count("select min(worker_id) from enrollment where project_id = ?", project);
        LocalDate reviewed = jdbc.queryForObject("select max(review_date) from daily_review where project_id = ?",
                LocalDate.class, project);
        for (String page : List.of("/", "/dashboard", "/projects", "/workers", "/admin/users")) {
            mvc.perform(get(page).with(user(admin))).andExpect(status().isOk());
        }
        for (String page : List.of("/projects/{p}", "/projects/{p}/dashboard", "/projects/{p}/roster",
                "/projects/{p}/attendance", "/projects/{p}/payouts", "/projects/{p}/supervision")) {
            mvc.perform(get(page, project).with(user(staff))).andExpect(status().isOk());
        }
        mvc.perform(get("/workers/{w}", worker).with(user(staff))).andExpect(status().isOk());
        mvc.perform(get("/payouts/{b}", batch).with(user(staff))).andExpect(status().isOk());
        mvc.perform(get("/payouts/{b}/teams/{t}", batch, team).with(user(staff))).andExpect(status().isOk());
        mvc.perform(get("/projects/{p}/reviews/{d}", project, reviewed).with(user(supervisor))).andExpect(status().isOk());
    }

    @Test
    void storesIdAndBankNumbersAsTheRegistryDoes() {
        Map<String, Object> worker = jdbc.queryForMap("""
                select id_number_cipher, id_number_hash, id_number_masked, birth_date, sex, bank_card_cipher, bank_card_hash
                from worker where id = ?
                """, summary.firstWorkerId());
        String idNumber = protector.decrypt((String) worker.get("id_number_cipher"));
        ResidentIdNumber parsed = ResidentIdNumber.parse(idNumber);
        assertThat(protector.hash(idNumber)).isEqualTo(worker.get("id_number_hash"));
        assertThat(Masking.idNumber(idNumber)).isEqualTo(worker.get("id_number_masked"));
        assertThat(parsed.birthDate()).isEqualTo(((java.sql.Date) worker.get("birth_date")).toLocalDate());
        assertThat(parsed.sex().name()).isEqualTo(worker.get("sex"));
        String card = protector.decrypt((String) worker.get("bank_card_cipher"));
        assertThat(protector.hash(card)).isEqualTo(worker.get("bank_card_hash"));
        // the hashes are unique, as the registry requires of one person and one card
        assertThat(count("select count(distinct id_number_hash) from worker")).isEqualTo(2_500);
    }

    @Test
    void neverTwoSignInsOfOneSlotOnADay() {
        assertThat(count("""
                select count(*) from (select worker_id, work_date from punch where slot = 'AM'
                                      group by worker_id, work_date having count(*) > 1) twice
                """)).isZero();
        assertThat(count("""
                select count(*) from (select worker_id, work_date from punch
                                      group by worker_id, work_date having count(distinct project_id) > 1) twice
                """)).isZero();
    }

    @Test
    void leavesTheSequencesAheadOfTheGeneratedIds() {
        Long town = jdbc.queryForObject("""
                insert into town (code, name, created_at, updated_at) values ('XT-SEQ', '序列检查镇', now(), now()) returning id
                """, Long.class);
        assertThat(town).isGreaterThan(count("select max(id) from town where code <> 'XT-SEQ'"));
        assertThat(count("select last_value from worker_code_seq")).isGreaterThanOrEqualTo(2_500);
        jdbc.update("delete from town where code = 'XT-SEQ'");
    }

    @Test
    void theSameSeedGivesTheSameCounty() {
        TestDatabase server = TestDatabase.get();
        String url = server.createDatabase("county_repeat");
        Flyway.configure().dataSource(url, server.username(), server.password()).locations("classpath:db/migration")
                .load().migrate();
        DriverManagerDataSource other = new DriverManagerDataSource(url, server.username(), server.password());
        CountyGenerator.Summary again = CountyGenerator.generate(other, protector, SEED, SCALE, LAST_DAY);
        assertThat(again.rows()).isEqualTo(summary.rows());
        JdbcTemplate otherJdbc = new JdbcTemplate(other);
        for (String checksum : List.of("""
                select md5(string_agg(concat_ws('|', worker_code, name, id_number_hash, id_number_masked, birth_date, sex,
                    phone, village, household_status, bank_card_hash), ',' order by worker_code)) from worker
                """, """
                select md5(string_agg(concat_ws('|', w.worker_code, p.work_date, p.slot, p.punched_at, p.device_id,
                    p.flag_outside), ',' order by w.worker_code, p.work_date, p.slot))
                from punch p join worker w on w.id = p.worker_id
                """, """
                select md5(string_agg(concat_ws('|', w.worker_code, b.period_from, b.status, l.full_days, l.half_days,
                    l.amount_payable, l.team_name), ',' order by w.worker_code, b.period_from))
                from payout_line l join payout_batch b on b.id = l.batch_id join worker w on w.id = l.worker_id
                """, """
                select md5(string_agg(concat_ws('|', pr.code, r.review_date, r.status, d.kind, d.decision, w.worker_code),
                    ',' order by pr.code, r.review_date, d.kind, w.worker_code))
                from anomaly_decision d join daily_review r on r.id = d.review_id join project pr on pr.id = r.project_id
                left join worker w on w.id = d.worker_ids[1]
                """, """
                select md5(string_agg(concat_ws('|', payee.worker_code, b.period_from, c.slot, witness.worker_code,
                    c.sheet_ref), ',' order by payee.worker_code, b.period_from, c.slot))
                from cross_confirmation c join payout_line l on l.id = c.line_id join payout_batch b on b.id = l.batch_id
                join worker payee on payee.id = c.payee_worker_id join worker witness on witness.id = c.witness_worker_id
                """)) {
            // compared by codes, never by ids, which depend on what the database held before
            String first = jdbc.queryForObject(checksum, String.class);
            assertThat(first).isNotNull();
            assertThat(otherJdbc.queryForObject(checksum, String.class)).isEqualTo(first);
        }

        assertThat(otherJdbc.queryForObject("select worker_code from worker order by id limit 1", String.class))
                .isEqualTo(jdbc.queryForObject("select worker_code from worker order by id limit 1", String.class));
        // the repeat has served; its database goes (DriverManagerDataSource holds no connection open)
        new JdbcTemplate(flyway.getConfiguration().getDataSource()).execute("drop database county_repeat");
    }

    private long count(String sql, Object... args) {
        Number n = jdbc.queryForObject(sql, Number.class, args);
        return n == null ? 0 : n.longValue();
    }
}
