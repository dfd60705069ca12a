package org.workrelief.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.workrelief.WorkReliefApplication;
import org.workrelief.account.AccountService;
import org.workrelief.common.audit.AuditEvent;
import org.workrelief.common.audit.AuditLog;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.payout.PayoutService;
import org.workrelief.support.Fixtures;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.support.TestClockConfiguration;
import org.workrelief.support.TestDatabase;
import org.workrelief.support.TestNumbers;
import org.workrelief.worker.Worker;
import org.workrelief.worker.WorkerService;

import tools.jackson.databind.json.JsonMapper;

/**
 * The backup a town can restore: back up, change data, restore the archive into a new empty database with the
 * restore command (docs/backups.md), and find the earlier state there row for row (and the numbers readable under the data
 * key), then start the application on it. A database with data is refused and left as it was; so is a
 * data key that is not the backup's. The source is a database of its own with the scheduled jobs off, so
 * that nothing writes between the checksums and the snapshot.
 */
@SpringBootTest(properties = "workrelief.jobs.enabled=false")
@Import({ TestClockConfiguration.class, RegistryFixtures.class, org.workrelief.supervision.SupervisedSites.class,
        PayoutFlow.class })
@ExtendWith(OutputCaptureExtension.class)
class BackupRestoreTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwnDatabase(registry, "backup_source");
    }

    @Autowired BackupWriter writer;
    @Autowired PayoutFlow flow;
    @Autowired PayoutService payouts;
    @Autowired WorkerService workers;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataProtector protector;
    @Autowired AuditLog audit;
    @Autowired JsonMapper json;
    @Autowired AccountService accounts;

    @TempDir
    Path folder;

    @Test
    void aRestoredBackupIsTheEarlierStateExactlyAndTheApplicationStartsOnIt(CapturedOutput output) throws Exception {
        // the state backed up: a released payout batch, a draft one, a worker whose ID number we know
        PaidSite paid = flow.site();
        PayoutBatch released = flow.released(paid);
        PaidSite other = flow.site();
        PayoutBatch draft = payouts.create(other.staff(), other.projectId(), PaidSite.FROM, PaidSite.TO);
        String idNumber = TestNumbers.idNumber();
        Worker known = workers.register(paid.staff(), RegistryFixtures.workerForm(paid.s().site().town(), idNumber)).worker();
        Map<String, String> before = checksums(TestDatabase.get().jdbcUrl("backup_source"));
        Path archive = folder.resolve("backup.zip");
        BackupManifest manifest;
        try (OutputStream out = Files.newOutputStream(archive)) {
            manifest = writer.write(out);
        }
        assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
                .contains("worker", "payout_batch", "payout_line", "audit_log")
                .doesNotContain("spring_session", "spring_session_attributes", "flyway_schema_history");
        for (BackupManifest.Table table : manifest.tables()) {
            assertThat(before.get(table.name())).as(table.name()).startsWith(table.rows() + " rows ");
        }

        // then the data changes: a worker added, one changed, a payout batch deleted, another created
        workers.register(paid.staff(), RegistryFixtures.workerForm(paid.s().site().town(), TestNumbers.idNumber()));
        jdbc.update("update worker set village = '后埠村' where id = ?", known.getId());
        payouts.discard(other.staff(), draft.id(), draft.version());
        PaidSite third = flow.site();
        flow.publicized(third);
        Map<String, String> changed = checksums(TestDatabase.get().jdbcUrl("backup_source"));
        assertThat(changed).isNotEqualTo(before);

        // restored into a new, empty database by the restore command of docs/backups.md
        TestDatabase server = TestDatabase.get();
        String restored = server.createDatabase("backup_restored");
        // as in production: the application's connection is the runtime role, the restore runs as Flyway's owner
        List<String> restore = new java.util.ArrayList<>(server.applicationArguments(restored));
        restore.addAll(List.of("--workrelief.data-dir=" + folder.resolve("data"), "--" + Restore.PROPERTY + "=" + archive));
        int status = Restore.run(WorkReliefApplication.class, restore.toArray(String[]::new));
        assertThat(status).as("the restore's exit status; output:%n%s", output.getErr()).isZero();
        assertThat(checksums(restored)).isEqualTo(before);
        try (Connection connection = DriverManager.getConnection(restored, server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select id_number_cipher, village from worker where id = " + known.getId())) {
            assertThat(rs.next()).isTrue();
            assertThat(protector.decrypt(rs.getString(1))).isEqualTo(idNumber);
            assertThat(rs.getString(2)).isNotEqualTo("后埠村");
        }
        try (Connection connection = DriverManager.getConnection(restored, server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select status from payout_batch where id in (" + released.id() + ", "
                        + draft.id() + ") order by id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("RELEASED");
            assertThat(rs.next()).as("the draft batch deleted after the backup is back").isTrue();
        }

        // and the application starts on it and goes on writing after the restored rows
        List<String> start = new java.util.ArrayList<>(server.applicationArguments(restored));
        start.addAll(List.of("--workrelief.data-dir=" + folder.resolve("data"), "--server.port=0", "--workrelief.jobs.enabled=false"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WorkReliefApplication.class)
                .run(start.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("UP");
            // the audit log came back verbatim: its hash chains verify, the same hashes as printed before the backup
            var chains = app.getBean(org.workrelief.accountability.AuditChainVerifier.class).verifyAll("restore-test");
            assertThat(chains.intact()).as("the restored audit chains verify").isTrue();
            assertThat(chains.entries()).isPositive();
            long lastAudit = app.getBean(JdbcTemplate.class).queryForObject("select max(id) from audit_log", Long.class);
            app.getBean(AuditLog.class).recordAs("restore-test", AuditEvent.of("USER_UPDATED", "User", "1"));
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("select max(id) from audit_log", Long.class))
                    .isGreaterThan(lastAudit);
        }
    }

    @Test
    void theArchiveIsOneSnapshotWhateverIsCommittedWhileItIsWritten() throws Exception {
        flow.site();
        long towns = jdbc.queryForObject("select count(*) from town", Long.class);
        AtomicBoolean committed = new AtomicBoolean();
        BackupManifest manifest;
        try (OutputStream file = Files.newOutputStream(folder.resolve("backup.zip"));
                OutputStream out = new FilterOutputStream(file) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        // the first bytes of the archive: the snapshot is taken, no table copied yet
                        if (committed.compareAndSet(false, true)) {
                            new Fixtures(accounts).town();
                        }
                        out.write(b, off, len);
                    }
                }) {
            manifest = writer.write(out);
        }
        assertThat(committed).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from town", Long.class)).isEqualTo(towns + 1);
        assertThat(manifest.tables()).filteredOn(t -> t.name().equals("town")).singleElement()
                .extracting(BackupManifest.Table::rows).isEqualTo(towns);
    }

    @Test
    void aDatabaseWithDataIsRefusedAndLeftAsItWas(CapturedOutput output) throws Exception {
        flow.site();
        Path archive = folder.resolve("backup.zip");
        try (OutputStream out = Files.newOutputStream(archive)) {
            writer.write(out);
        }
        String source = TestDatabase.get().jdbcUrl("backup_source");
        Map<String, String> before = checksums(source);
        TestDatabase server = TestDatabase.get();
        int status = Restore.run(WorkReliefApplication.class, new String[] { "--spring.datasource.url=" + source,
                "--spring.datasource.username=" + server.username(), "--spring.datasource.password=" + server.password(),
                "--workrelief.data-dir=" + folder.resolve("data"), "--" + Restore.PROPERTY + "=" + archive });
        assertThat(status).isEqualTo(1);
        assertThat(output.getErr()).contains("Restore refused: the database is not empty").contains("left unchanged");
        assertThat(checksums(source)).isEqualTo(before);
    }

    @Test
    void anotherDataKeyThanTheBackupsIsRefusedBeforeAnythingIsWritten(CapturedOutput output) throws Exception {
        Path archive = folder.resolve("backup.zip");
        try (OutputStream out = Files.newOutputStream(archive)) {
            writer.write(out);
        }
        TestDatabase server = TestDatabase.get();
        String empty = server.createDatabase("backup_wrong_key");
        int status = Restore.run(WorkReliefApplication.class, new String[] { "--spring.datasource.url=" + empty,
                "--spring.datasource.username=" + server.username(), "--spring.datasource.password=" + server.password(),
                "--workrelief.data-key=" + "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMzI=",
                "--workrelief.data-dir=" + folder.resolve("data"), "--" + Restore.PROPERTY + "=" + archive });
        assertThat(status).isEqualTo(1);
        assertThat(output.getErr()).contains("Restore refused: the data key given is not the one this backup was taken under");
        assertThat(checksums(empty)).isEmpty();
    }

    @Test
    void anOwnerThatMayNotSetTheReplicationRoleRestoresWithTheTablesOwnTriggersDisabled(CapturedOutput output)
            throws Exception {
        flow.released(flow.site());
        Path archive = folder.resolve("backup.zip");
        try (OutputStream out = Files.newOutputStream(archive)) {
            writer.write(out);
        }
        Map<String, String> before = checksums(TestDatabase.get().jdbcUrl("backup_source"));
        TestDatabase server = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists backup_by_owner");
            statement.execute("drop role if exists backup_owner");
            statement.execute("create role backup_owner login password 'owner-only-for-this-test'");
            statement.execute("create database backup_by_owner owner backup_owner");
        }
        // as the owner, not as whom the embedded server's URL names (?user=postgres)
        String restored = server.jdbcUrl("backup_by_owner").replaceFirst("([?&])user=[^&]*&?", "$1").replaceFirst("[?&]$", "");
        int status = Restore.run(WorkReliefApplication.class, new String[] { "--spring.datasource.url=" + restored,
                "--spring.datasource.username=backup_owner", "--spring.datasource.password=owner-only-for-this-test",
                "--workrelief.data-dir=" + folder.resolve("data"), "--" + Restore.PROPERTY + "=" + archive });
        assertThat(status).as("the restore's exit status; output:%n%s", output.getErr()).isZero();
        assertThat(output.getOut()).contains("may not set session_replication_role");
        assertThat(checksums(restored)).isEqualTo(before);
        try (Connection connection = DriverManager.getConnection(restored, server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid
                        where not t.tgisinternal and t.tgenabled = 'D'
                        """)) {
            rs.next();
            assertThat(rs.getLong(1)).as("triggers left disabled").isZero();
        }
    }

    @Test
    void rowsWhoseForeignKeysReferenceNothingRollTheWholeRestoreBack(CapturedOutput output) throws Exception {
        flow.released(flow.site());
        Path archive = folder.resolve("backup.zip");
        try (OutputStream out = Files.newOutputStream(archive)) {
            writer.write(out);
        }
        // an archive whose towns are gone (and whose checksums say so): every project, user ... references nothing
        Path broken = folder.resolve("broken.zip");
        try (ZipFile in = new ZipFile(archive.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
            BackupManifest manifest = json.readValue(in.getInputStream(in.getEntry(BackupManifest.ENTRY)), BackupManifest.class);
            String emptySha = HexFormat.of().formatHex(BackupWriter.sha256().digest());
            List<BackupManifest.Table> tables = manifest.tables().stream().map(t -> t.name().equals("town")
                    ? new BackupManifest.Table(t.name(), t.entry(), t.columns(), 0, emptySha) : t).toList();
            for (BackupManifest.Table table : tables) {
                out.putNextEntry(new ZipEntry(table.entry()));
                if (!table.name().equals("town")) {
                    in.getInputStream(in.getEntry(table.entry())).transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            out.write(json.writeValueAsBytes(new BackupManifest(manifest.format(), manifest.application(),
                    manifest.schemaVersion(), manifest.createdAt(), manifest.keyCheck(), tables, manifest.sequences(),
                    manifest.skipped())));
            out.closeEntry();
        }
        TestDatabase server = TestDatabase.get();
        String target = server.createDatabase("backup_broken_keys");
        int status = Restore.run(WorkReliefApplication.class, new String[] { "--spring.datasource.url=" + target,
                "--spring.datasource.username=" + server.username(), "--spring.datasource.password=" + server.password(),
                "--workrelief.data-dir=" + folder.resolve("data"), "--" + Restore.PROPERTY + "=" + broken });
        assertThat(status).isEqualTo(1);
        assertThat(output.getErr()).contains("Restore failed: the copy was rolled back: the restored rows break foreign keys: ")
                .contains(" on project: ");
        assertThat(checksums(target).values()).as("no row stays of a restore rolled back").allMatch(sum -> sum.startsWith("0 rows"));
    }

    /**
     * Per table of the public schema (the sessions and Flyway's history aside): its row count and an MD5 over its
     * rows as text in order.
     */
    static Map<String, String> checksums(String url) throws SQLException {
        TestDatabase server = TestDatabase.get();
        Map<String, String> sums = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password())) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            select tablename from pg_tables where schemaname = 'public'
                              and tablename not in ('spring_session', 'spring_session_attributes', 'flyway_schema_history')
                            """)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') from public.\""
                                + table + "\" t")) {
                    rs.next();
                    sums.put(table, rs.getLong(1) + " rows " + rs.getString(2));
                }
            }
        }
        return sums;
    }
}
