package org.workrelief.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.workrelief.account.AccountService;
import org.workrelief.account.Principals;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.project.Project;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.RosterImportService;
import org.workrelief.worker.RosterImportService.ImportResult;

/**
 * Roster import speed: a 5,000-row file, as CSV and as XLSX, into a fresh project on the real
 * PostgreSQL. Prints the figures (target: under 10 s each); it is a measurement, not part of
 * {@code ./mvnw verify}. Run it with the command in docs/benchmarks.md.
 */
@IntegrationTest
class RosterImportBenchmark {

    private static final int ROWS = 5_000;

    @Autowired
    RosterImportService importer;

    @Autowired
    AccountService accounts;

    @Autowired
    RegistryFixtures registry;

    @Test
    void importFiveThousandRows() throws IOException {
        Fixtures fixtures = new Fixtures(accounts);
        Town town = fixtures.town();
        SignedInUser admin = Principals.of(fixtures.user(Role.ADMIN, town));
        // warm-up: the first import pays for class loading and JIT
        run(admin, town, 200, "csv");
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-6s %8s %10s %12s", "format", "rows", "seconds", "rows/second"));
        for (String format : List.of("csv", "xlsx")) {
            long started = System.nanoTime();
            ImportResult result = run(admin, town, ROWS, format);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result.errors()).isEmpty();
            assertThat(result.imported()).isEqualTo(ROWS);
            double seconds = took.toMillis() / 1000.0;
            lines.add(String.format("%-6s %8d %10.2f %12.0f", format, ROWS, seconds, ROWS / seconds));
        }
        System.out.println("\n=== Roster import benchmark (target: 5,000 rows under 10 s) ===");
        lines.forEach(System.out::println);
        System.out.println();
    }

    private ImportResult run(SignedInUser admin, Town town, int rows, String format) throws IOException {
        Project project = registry.project(admin, town);
        registry.team(admin, project, "开挖组");
        registry.team(admin, project, "运输组");
        List<String> headers = List.of("姓名", "身份证号", "手机号", "村", "组", "户号", "户类型", "银行卡号", "班组", "招募来源",
                "合同签订日期", "合同开始日期", "合同结束日期", "保险公司", "保单号", "保险起期", "保险止期");
        List<List<String>> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            data.add(List.of("王小明", TestNumbers.idNumber(), "13800000000", "前埠村", "一组", "H" + i, "一般农户",
                    TestNumbers.bankCard(), i % 2 == 0 ? "开挖组" : "运输组", "前期摸排", "2025-05-30", "2025-06-01",
                    "2025-09-30", "中国人寿", "POL-" + i, "2025-06-01", "2025-09-30"));
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (format.equals("csv")) {
            SheetWriter.csv(headers, data, file);
        }
        else {
            SheetWriter.xlsx("花名册", headers, data, file);
        }
        byte[] bytes = file.toByteArray();
        return importer.importRoster(admin, project.getId(), "roster." + format, new ByteArrayInputStream(bytes));
    }
}
