package org.workrelief.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.common.sheet.SheetReader;
import org.workrelief.project.Project;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.EnrollmentService.RosterFilter;
import org.workrelief.worker.RosterImportService.ImportResult;
import org.workrelief.common.sheet.RowError;

@IntegrationTest
class RosterImportIntegrationTests {

    static final String HEADER = "姓名,身份证号,手机号,村,组,户号,户类型,技能,开户银行,银行卡号,班组,招募来源,合同签订日期,合同开始日期,合同结束日期,保险公司,保单号,保险起期,保险止期";

    @Autowired
    RosterImportService importer;

    @Autowired
    RosterFiles files;

    @Autowired
    EnrollmentService enrollments;

    @Autowired
    WorkerService workers;

    @Autowired
    AccountService accounts;

    @Autowired
    RegistryFixtures registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    Town town;
    SignedInUser staff;
    Project project;

    @BeforeEach
    void setUp() {
        clock.reset();
        Fixtures fixtures = new Fixtures(accounts);
        town = fixtures.town();
        SignedInUser admin = Principals.of(fixtures.user(Role.ADMIN, town));
        staff = Principals.of(fixtures.user(Role.STAFF, town));
        project = registry.project(admin, town);
        registry.team(admin, project, "开挖组");
        registry.team(admin, project, "运输组");
    }

    @Test
    void aGoodCsvRegistersAndEnrollsEveryRow() throws IOException {
        List<String> ids = List.of(TestNumbers.idNumber(), TestNumbers.idNumber(), TestNumbers.idNumber());
        String csv = HEADER + "\n" + row("张三", ids.get(0), "开挖组", "前期摸排") + "\n" + row("李四", ids.get(1), "运输组", "新吸纳")
                + "\n" + row("阿卜杜·热合曼", ids.get(2), "开挖组", "开工前确认") + "\n";

        ImportResult result = importCsv(csv, StandardCharsets.UTF_8);

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(3);
        Worker imported = workers.findByIdNumber(staff, ids.get(1)).orElseThrow();
        assertThat(imported.getName()).isEqualTo("李四");
        assertThat(imported.getWorkerCode()).isNotBlank();
        Enrollment enrollment = enrollments.roster(staff, project.getId(), new RosterFilter(ids.get(1), null, null, false, false),
                PageRequest.of(0, 5)).getContent().get(0);
        assertThat(enrollment.getSource()).isEqualTo(RecruitmentSource.ADDED);
        assertThat(enrollment.eligibilityOn(LocalDate.of(2025, 6, 10))).isEqualTo(WorkEligibility.ELIGIBLE);
        assertThat(jdbc.queryForObject("select count(*) from worker where id_number_cipher like ?", Long.class,
                "%" + ids.get(0) + "%")).isZero();
    }

    @Test
    void aFileWithAnyBadRowSavesNothingAndListsEveryProblemWithRowAndColumn() throws IOException {
        String registered = TestNumbers.idNumber();
        Worker alreadyHere = workers.register(staff, RegistryFixtures.workerForm(town, registered)).worker();
        registry.enroll(staff, project, registry.team(Principals.of(new Fixtures(accounts).user(Role.ADMIN, town)), project,
                "筑坝组"), alreadyHere, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 9, 1));
        String good = TestNumbers.idNumber();
        String repeated = TestNumbers.idNumber();
        String csv = HEADER + "\n"
                + row("张三", good, "开挖组", "前期摸排") + "\n"                                    // row 2: fine
                + row("李四", TestNumbers.withWrongCheck(TestNumbers.idNumber()), "开挖组", "") + "\n" // row 3: check character
                + row("王五", repeated, "开挖组", "") + "\n"                                        // row 4: fine
                + row("赵六", repeated, "开挖组", "") + "\n"                                        // row 5: duplicate of row 4
                + row("钱七", registered, "开挖组", "") + "\n"                                      // row 6: already on this project
                + row("孙八", TestNumbers.idNumber(), "钢筋组", "") + "\n"                          // row 7: unknown team
                + row("周九", TestNumbers.idNumber(), "开挖组", "").replace(",6228", ",6229") + "\n"; // row 8: bad card

        ImportResult result = importCsv(csv, StandardCharsets.UTF_8);

        assertThat(result.imported()).isZero();
        assertThat(result.errors()).extracting(RowError::row, RowError::column, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "身份证号", "worker.idNumber.checkCharacter"),
                org.assertj.core.groups.Tuple.tuple(5, "身份证号", "import.idNumber.duplicateInFile"),
                org.assertj.core.groups.Tuple.tuple(6, "身份证号", "enrollment.alreadyActive"),
                org.assertj.core.groups.Tuple.tuple(7, "班组", "import.team.unknown"),
                org.assertj.core.groups.Tuple.tuple(8, "银行卡号", "worker.bankCard.checkDigit"));
        assertThat(workers.findByIdNumber(staff, good)).isEmpty();
        assertThat(enrollments.roster(staff, project.getId(), RosterFilter.none(), PageRequest.of(0, 5)).getTotalElements())
                .isEqualTo(1); // only the one enrolled before the import
    }

    @Test
    void aSharedBankCardAndAnOverlongCellAreRowErrorsNotSilentFixes() throws IOException {
        String first = row("张三", TestNumbers.idNumber(), "开挖组", "");
        String card = first.split(",")[9];
        String second = row("李四", TestNumbers.idNumber(), "开挖组", "").replaceFirst(",6228\\d+,", "," + card + ",");
        String third = row("王五", TestNumbers.idNumber(), "开挖组", "").replace(",POL-1,", "," + "P".repeat(65) + ",");
        ImportResult result = importCsv(HEADER + "\n" + first + "\n" + second + "\n" + third + "\n", StandardCharsets.UTF_8);
        assertThat(result.errors()).extracting(RowError::row, RowError::column, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "银行卡号", "import.bankCard.duplicateInFile"),
                org.assertj.core.groups.Tuple.tuple(4, "保单号", "import.text.tooLong"));
    }

    @Test
    void someoneAlreadyRegisteredInTheTownIsEnrolledAsRegisteredAndNewPeopleAreAuditedOneByOne() throws IOException {
        String known = TestNumbers.idNumber();
        Worker existing = workers.register(staff, RegistryFixtures.workerForm(town, known)).worker();
        String fresh = TestNumbers.idNumber(LocalDate.of(1960, 3, 1));
        ImportResult result = importCsv(HEADER + "\n" + row("改了名字", known, "开挖组", "") + "\n" + row("新来的", fresh, "运输组", "")
                + "\n", StandardCharsets.UTF_8);
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.alreadyRegistered()).isEqualTo(1);
        assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.messageKey()).isEqualTo("worker.age.warning"));
        assertThat(workers.get(staff, existing.getId()).getName()).isEqualTo("王小明");
        Worker created = workers.findByIdNumber(staff, fresh).orElseThrow();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'Worker' and entity_id = ?",
                Long.class, created.getId().toString())).isEqualTo(1);
        assertThat(enrollments.roster(staff, project.getId(), RosterFilter.none(), PageRequest.of(0, 10)).getTotalElements())
                .isEqualTo(2);
    }

    @Test
    void someoneRegisteredInAnotherTownIsARowError() throws IOException {
        Fixtures fixtures = new Fixtures(accounts);
        Town other = fixtures.town();
        String theirs = TestNumbers.idNumber();
        workers.register(Principals.of(fixtures.user(Role.STAFF, other)), RegistryFixtures.workerForm(other, theirs));
        ImportResult result = importCsv(HEADER + "\n" + row("张三", theirs, "开挖组", "") + "\n", StandardCharsets.UTF_8);
        assertThat(result.errors()).extracting(RowError::messageKey).containsExactly("enrollment.otherTown");
    }

    @Test
    void aMissingRequiredColumnIsReported() throws IOException {
        ImportResult result = importCsv("姓名,身份证号,村\n张三," + TestNumbers.idNumber() + ",前埠村\n", StandardCharsets.UTF_8);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(1);
            assertThat(error.messageKey()).isEqualTo("import.header.missing");
            assertThat(error.args()).containsExactly("班组");
        });
    }

    @Test
    void aCsvSavedByChineseExcelInGbkIsRead() throws IOException {
        String id = TestNumbers.idNumber();
        ImportResult result = importCsv(HEADER + "\n" + row("欧阳修", id, "开挖组", "前期摸排") + "\n", Charset.forName("GBK"));
        assertThat(result.errors()).isEmpty();
        assertThat(workers.findByIdNumber(staff, id)).get().extracting(Worker::getName).isEqualTo("欧阳修");
    }

    @Test
    void anXlsxWithIdNumbersTypedAsTextAndDatesAsDatesImports() throws IOException {
        String id = TestNumbers.idNumber();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            String[] header = HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c] + (c == 0 ? "*" : ""));
            }
            String[] values = row("刘一", id, "运输组", "").split(",", -1);
            Row data = sheet.createRow(1);
            for (int c = 0; c < values.length; c++) {
                data.createCell(c).setCellValue(values[c]);
            }
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            var insuranceEnd = data.createCell(18);
            insuranceEnd.setCellValue(LocalDate.of(2025, 9, 30));
            insuranceEnd.setCellStyle(dateStyle);
            workbook.write(out);
        }
        ImportResult result = importer.importRoster(staff, project.getId(), "花名册.xlsx", new ByteArrayInputStream(out.toByteArray()));
        assertThat(result.errors()).isEmpty();
        assertThat(enrollments.roster(staff, project.getId(), new RosterFilter(id, null, null, false, false), PageRequest.of(0, 1))
                .getContent().get(0).getInsuranceTo()).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void theDownloadedTemplateImportsAsItIs() throws IOException {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        files.templateXlsx(template);
        List<SheetReader.SheetRow> rows = SheetReader.read("t.xlsx", new ByteArrayInputStream(template.toByteArray()));
        assertThat(rows.get(0).cells()).contains("姓名*", "身份证号*", "班组*");
        ImportResult result = importer.importRoster(staff, project.getId(), "t.xlsx", new ByteArrayInputStream(template.toByteArray()));
        // the example row is a fictitious person who may already have been imported by another test in this run
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.messageKey()).isIn("enrollment.otherTown",
                "enrollment.alreadyActive"));
    }

    @Test
    void anUnsupportedFileTypeIsRefused() {
        assertThatThrownBy(() -> importer.importRoster(staff, project.getId(), "roster.xls", new ByteArrayInputStream(new byte[] { 1 })))
                .hasMessageContaining("import.file.type");
    }

    @Test
    void theExportShowsOnlyMaskedNumbers() throws IOException {
        String id = TestNumbers.idNumber();
        importCsv(HEADER + "\n" + row("陈二", id, "开挖组", "") + "\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.exportXlsx(staff, project.getId(), out);
        List<SheetReader.SheetRow> rows = SheetReader.read("r.xlsx", new ByteArrayInputStream(out.toByteArray()));
        String all = rows.toString();
        assertThat(all).contains("陈二").contains(id.substring(0, 6) + "********" + id.substring(14)).doesNotContain(id)
                .doesNotContain("13800000000");
    }

    @Test
    void aPhoneNumberOfTheTownOrOfAnEarlierRowIsARowWarningAndEveryRowIsImported() throws IOException {
        String phone = TestNumbers.phone();
        Worker holder = workers.register(staff, new WorkerForm(town.getId(), "赵一", TestNumbers.idNumber(), phone, "前埠村",
                null, null, HouseholdStatus.ORDINARY, null, null, "", 0)).worker();
        Town elsewhere = new Fixtures(accounts).town();
        Worker outsider = workers.register(Principals.of(new Fixtures(accounts).user(Role.STAFF, elsewhere)),
                new WorkerForm(elsewhere.getId(), "外镇人", TestNumbers.idNumber(), "13800000000", "后埠村", null, null,
                        HouseholdStatus.ORDINARY, null, null, "", 0)).worker();
        String first = row("张三", TestNumbers.idNumber(), "开挖组", "").replace(",13800000000,", "," + phone + ",");
        String second = row("李四", TestNumbers.idNumber(), "开挖组", "").replace(",13800000000,", "," + phone + ",");
        String third = row("王五", TestNumbers.idNumber(), "运输组", "");

        ImportResult result = importCsv(HEADER + "\n" + first + "\n" + second + "\n" + third + "\n", StandardCharsets.UTF_8);

        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(3);
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        assertThat(result.warnings()).filteredOn(w -> w.column().equals("手机号"))
                .extracting(RowError::row, RowError::column, RowError::messageKey, RowError::args)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "手机号", "worker.phone.shared",
                                List.of(masked, 1, "赵一（" + holder.getWorkerCode() + "）")),
                        org.assertj.core.groups.Tuple.tuple(3, "手机号", "worker.phone.shared",
                                List.of(masked, 1, "赵一（" + holder.getWorkerCode() + "）")),
                        org.assertj.core.groups.Tuple.tuple(3, "手机号", "import.phone.sameInFile", List.of(masked, 2, "张三")));
        // the worker of another town with the third row's phone is not this town's business
        assertThat(result.warnings()).noneMatch(w -> w.args().toString().contains(outsider.getWorkerCode()));
    }

    @Test
    void aBankCardOfARegisteredWorkerIsARowError() throws IOException {
        String card = TestNumbers.bankCard();
        workers.register(staff, new WorkerForm(town.getId(), "赵一", TestNumbers.idNumber(), "", "前埠村", null, null,
                HouseholdStatus.ORDINARY, null, "农业银行", card, 0));
        String id = TestNumbers.idNumber();
        String row = row("张三", id, "开挖组", "").replaceFirst(",6228\\d+,", "," + card + ",");
        ImportResult result = importCsv(HEADER + "\n" + row + "\n", StandardCharsets.UTF_8);
        assertThat(result.errors()).extracting(RowError::row, RowError::column, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "银行卡号", "worker.bankCard.registered"));
        assertThat(workers.findByIdNumber(staff, id)).isEmpty();
    }

    private ImportResult importCsv(String csv, Charset charset) throws IOException {
        return importer.importRoster(staff, project.getId(), "花名册.csv", new ByteArrayInputStream(csv.getBytes(charset)));
    }

    private static String row(String name, String id, String team, String source) {
        List<String> cells = new ArrayList<>(List.of(name, id, "13800000000", "前埠村", "一组", "", "一般农户", "", "农业银行",
                TestNumbers.bankCard(), team, source, "2025-05-30", "2025-06-01", "2025-09-30", "中国人寿", "POL-1",
                "2025-06-01", "2025/9/30"));
        return String.join(",", cells);
    }
}
