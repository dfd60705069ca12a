package org.workrelief.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.common.BusinessRuleException;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

/** The daily sheet, the ledger, the slot windows per project and the all-or-nothing import. */
@IntegrationTest
class AttendanceRecordsIntegrationTests {

    @Autowired
    PunchService punches;

    @Autowired
    AttendanceQueries queries;

    @Autowired
    AttendanceSettings settings;

    @Autowired
    AttendanceImportService importer;

    @Autowired
    AccountService accounts;

    @Autowired
    ProjectService projects;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    static final LocalDate DAY = LocalDate.of(2025, 6, 3);
    ActiveProject site;

    @BeforeEach
    void setUp() {
        clock.set(at(DAY, 23, 0));
        site = ActiveProject.create(accounts, projects, registry, DAY);
    }

    @Test
    void theDailySheetShowsFullHalfAndAbsentDaysAndTheHeadCount() {
        Worker half = site.addWorker(registry, DAY.minusDays(1), DAY.plusDays(1));
        site.addWorker(registry, DAY.minusDays(1), DAY.plusDays(1)); // absent
        punch(site.worker(), at(DAY, 7, 50));
        punch(site.worker(), at(DAY, 17, 0));
        punch(half, at(DAY, 8, 0));

        AttendanceQueries.DailySheet sheet = queries.dailySheet(site.staff(), site.project().getId(), DAY);
        assertThat(sheet.count(DayStatus.FULL)).isEqualTo(1);
        assertThat(sheet.count(DayStatus.HALF)).isEqualTo(1);
        assertThat(sheet.count(DayStatus.ABSENT)).isEqualTo(1);
        assertThat(sheet.present()).isEqualTo(2);
        assertThat(sheet.teams().get(0).workers()).filteredOn(w -> w.status() == DayStatus.HALF)
                .allSatisfy(w -> assertThat(w.flagged()).isTrue());
    }

    @Test
    void theLedgerCountsDaysWorkedInTheMonth() {
        punch(site.worker(), at(DAY, 7, 50));
        punch(site.worker(), at(DAY, 17, 0));
        punch(site.worker(), at(DAY.minusDays(1), 8, 0));
        List<AttendanceQueries.LedgerRow> rows = queries.ledger(site.staff(), site.project().getId(), YearMonth.of(2025, 6));
        AttendanceQueries.LedgerRow row = rows.stream()
                .filter(r -> r.member().workerId() == site.worker().getId()).findFirst().orElseThrow();
        assertThat(row.days()).hasSize(30).containsEntry(DAY, DayStatus.FULL).containsEntry(DAY.minusDays(1), DayStatus.HALF);
        assertThat(row.total()).isEqualByComparingTo("1.5");
    }

    @Test
    void aProjectsOwnWindowsDecideTheSlot() {
        settings.change(site.project().getId(), new SlotWindows(LocalTime.of(6, 0), LocalTime.of(11, 0), LocalTime.of(13, 0),
                LocalTime.of(19, 0), Duration.ofHours(3)), "admin");
        assertThatThrownBy(() -> punch(site.worker(), at(DAY, 12, 0))).isInstanceOf(PunchRefusedException.class);
        assertThat(punch(site.worker(), at(DAY, 13, 0)).slot()).isEqualTo(Slot.PM);
        assertThatThrownBy(() -> settings.change(site.project().getId(), new SlotWindows(LocalTime.of(12, 0),
                LocalTime.of(11, 0), LocalTime.of(13, 0), LocalTime.of(19, 0), Duration.ZERO), "admin"))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void anImportStoresEveryRowOrNoneAndListsTheRefusedRows() throws IOException {
        Worker expired = site.addWorker(registry, DAY.minusDays(30), DAY.minusDays(1));
        String bad = "工号,时间,设备\n" + site.worker().getWorkerCode() + ",2025-06-03 07:58,gate-1\n"
                + expired.getWorkerCode() + ",2025-06-03 08:00,gate-1\n" + "NOSUCH0001,2025-06-03 08:01,gate-1\n"
                + site.worker().getWorkerCode() + ",yesterday,gate-1\n";
        AttendanceImportService.ImportResult refused = importFile(bad);
        assertThat(refused.errors()).extracting(org.workrelief.common.sheet.RowError::row, org.workrelief.common.sheet.RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "punch.refused.INSURANCE_NOT_VALID"),
                        org.assertj.core.groups.Tuple.tuple(4, "punch.refused.UNKNOWN_WORKER"),
                        org.assertj.core.groups.Tuple.tuple(5, "attendance.import.time"));
        assertThat(jdbc.queryForObject("select count(*) from punch where project_id = ?", Long.class,
                site.project().getId())).isZero();

        String good = "工号,时间,设备\n" + site.worker().getWorkerCode() + ",2025-06-03 07:58,gate-1\n"
                + site.worker().getWorkerCode() + ",2025/6/3 17:05,gate-1\n" + site.worker().getWorkerCode()
                + ",2025-06-03T08:30:00+08:00,gate-2\n";
        AttendanceImportService.ImportResult stored = importFile(good);
        assertThat(stored.errors()).isEmpty();
        assertThat(stored.stored()).isEqualTo(2);
        assertThat(stored.alreadyThere()).isEqualTo(1);
        assertThat(jdbc.queryForList("select source from punch where project_id = ?", String.class,
                site.project().getId())).containsOnly("IMPORT");
    }

    @Test
    void anXlsxExportWithDateTimeCellsImports() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = workbook.createSheet();
            var head = sheet.createRow(0);
            head.createCell(0).setCellValue("工号");
            head.createCell(1).setCellValue("时间");
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(site.worker().getWorkerCode());
            var time = row.createCell(1);
            time.setCellValue(LocalDateTime.of(DAY, LocalTime.of(7, 58)));
            time.setCellStyle(style);
            workbook.write(out);
        }
        AttendanceImportService.ImportResult result = importer.importFile(site.staff(), site.project().getId(),
                "export.xlsx", new ByteArrayInputStream(out.toByteArray()));
        assertThat(result.errors()).isEmpty();
        assertThat(result.stored()).isEqualTo(1);
    }

    @Test
    void aWorkerEnrolledTwiceIsCountedOnceInTheLedgerAndTheSheet() {
        punch(site.worker(), at(DAY, 7, 50));
        punch(site.worker(), at(DAY, 17, 0));
        enrollmentsService.leave(site.staff(), site.enrollment().getId());
        registry.enroll(site.staff(), site.project(), site.team(), site.worker(), DAY, DAY.plusDays(30));
        List<AttendanceQueries.LedgerRow> rows = queries.ledger(site.staff(), site.project().getId(), YearMonth.of(2025, 6));
        assertThat(rows).filteredOn(r -> r.member().workerId() == site.worker().getId()).singleElement()
                .satisfies(r -> assertThat(r.total()).isEqualByComparingTo("1"));
        assertThat(queries.dailySheet(site.staff(), site.project().getId(), DAY).present()).isEqualTo(1);
    }

    @Autowired
    org.workrelief.worker.EnrollmentService enrollmentsService;

    private AttendanceImportService.ImportResult importFile(String csv) throws IOException {
        return importer.importFile(site.staff(), site.project().getId(), "export.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private PunchResult punch(Worker worker, Instant at) {
        return punches.punch(PunchRequest.byWorkerId(site.project().getId(), worker.getId(), at, PunchSource.ROLL_CALL, "staff"));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(MutableClock.ZONE).toInstant();
    }
}
