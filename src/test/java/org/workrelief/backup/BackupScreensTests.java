package org.workrelief.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.workrelief.account.AccountService;
import org.workrelief.account.Role;
import org.workrelief.account.SignedInUser;
import org.workrelief.account.Town;
import org.workrelief.support.Fixtures;
import org.workrelief.support.IntegrationTest;

/**
 * 数据备份 for the county's administrator only: a backup taken now or a stored nightly one is downloaded and the
 * download audited with its size; a town's administrator, staff, finance or supervisor is answered 403 without
 * any data, and the attempt is audited too. The page says the data key is not in the backup and where it is.
 */
@IntegrationTest
class BackupScreensTests {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Backups backups;

    @Test
    void theCountysAdministratorDownloadsABackupTakenNowAndTheDownloadIsAudited() throws Exception {
        SignedInUser county = person(Role.ADMIN, null);
        MockHttpServletResponse response = mvc.perform(get("/backups/new").with(user(county)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains("workrelief-backup-");
        byte[] archive = response.getContentAsByteArray();
        assertThat(entries(archive)).contains(BackupManifest.ENTRY, "tables/worker.copy", "tables/audit_log.copy",
                "tables/payout_line.copy").doesNotContain("tables/spring_session.copy");
        Map<String, Object> audited = jdbc.queryForMap("""
                select action, entity_type, after_state ->> 'bytes' as bytes, after_state ->> 'complete' as complete
                from audit_log where actor = ? order by id desc limit 1
                """, county.getUsername());
        assertThat(audited).containsEntry("action", "BACKUP_DOWNLOADED").containsEntry("entity_type", "Backup")
                .containsEntry("bytes", String.valueOf(archive.length)).containsEntry("complete", "true");
    }

    @Test
    void anyoneElseIsAnsweredForbiddenWithoutDataAndTheAttemptIsAudited() throws Exception {
        Town town = new Fixtures(accounts).town();
        for (Role role : new Role[] { Role.ADMIN, Role.STAFF, Role.FINANCE, Role.SUPERVISOR }) {
            SignedInUser someone = person(role, town);
            for (String path : new String[] { "/backups/new", "/backups" }) {
                MockHttpServletResponse response = mvc.perform(get(path).with(user(someone)))
                        .andExpect(status().isForbidden()).andReturn().getResponse();
                assertThat(String.valueOf(response.getContentType())).as(role + " " + path).doesNotContain("zip");
                assertThat(response.getHeader("Content-Disposition")).as(role + " " + path).isNull();
                assertThat(response.getContentAsString()).as(role + " " + path).doesNotStartWith("PK");
            }
            assertThat(jdbc.queryForList("select action from audit_log where actor = ? order by id", String.class,
                    someone.getUsername())).as(role.name()).containsExactly("BACKUP_REFUSED", "BACKUP_REFUSED");
            assertThat(jdbc.queryForObject("select town_id from audit_log where actor = ? order by id limit 1", Long.class,
                    someone.getUsername())).isEqualTo(town.getId());
        }
        // a stored backup too
        Path stored = storedBackup("workrelief-backup-20250601-023000.zip");
        SignedInUser townAdmin = person(Role.ADMIN, town);
        mvc.perform(get("/backups/stored/" + stored.getFileName()).with(user(townAdmin))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select action || ' ' || entity_id from audit_log where actor = ? order by id desc limit 1",
                String.class, townAdmin.getUsername())).isEqualTo("BACKUP_REFUSED " + stored.getFileName());
    }

    @Test
    void thePageListsTheStoredBackupsSaysWhereTheKeyIsAndEachIsDownloadedAudited() throws Exception {
        Path stored = storedBackup("workrelief-backup-20250602-023000.zip");
        SignedInUser county = person(Role.ADMIN, null);
        String page = mvc.perform(get("/backups").with(user(county))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("数据密钥不在备份中", "身份证号码和银行卡号（加密存放）都在内", "WORKRELIEF_DATA_KEY",
                "href=\"/backups/new\"", "2025-06-02 02:30", "href=\"/backups/stored/" + stored.getFileName() + "\"",
                backups.folder().toString(), "id=\"nav-backups\"");
        byte[] body = mvc.perform(get("/backups/stored/" + stored.getFileName()).with(user(county)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(Files.readAllBytes(stored));
        assertThat(jdbc.queryForObject("""
                select action || ' ' || entity_id || ' ' || (after_state ->> 'bytes') from audit_log where actor = ? order by id desc limit 1
                """, String.class, county.getUsername()))
                .isEqualTo("BACKUP_DOWNLOADED " + stored.getFileName() + " " + body.length);
        // only names of backups, never a path
        mvc.perform(get("/backups/stored/..%2Fdata-key").with(user(county))).andExpect(status().is4xxClientError());
        // a town's administrator has no link to the page
        String home = mvc.perform(get("/").with(user(person(Role.ADMIN, new Fixtures(accounts).town())))).andReturn()
                .getResponse().getContentAsString();
        assertThat(home).doesNotContain("nav-backups");
    }

    private Path storedBackup(String name) throws Exception {
        Files.createDirectories(backups.folder());
        return Files.write(backups.folder().resolve(name), new byte[] { 'P', 'K', 3, 4, 1, 2, 3 });
    }

    private SignedInUser person(Role role, Town town) {
        return accounts.principalOf(new Fixtures(accounts).user(role, town).getUsername());
    }

    private static List<String> entries(byte[] archive) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
