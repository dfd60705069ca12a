package org.workrelief.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.workrelief.account.AccountService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

/** The device API as a terminal sees it: status codes, stable refusal codes, tokens, batches. */
@IntegrationTest
class DeviceApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DeviceTokenService tokens;

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

    @Autowired
    javax.sql.DataSource dataSource;

    ActiveProject site;
    String token;

    @BeforeEach
    void setUp() {
        clock.set(java.time.ZonedDateTime.of(2025, 6, 3, 20, 0, 0, 0, MutableClock.ZONE).toInstant());
        site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        token = tokens.issue(site.admin(), site.project().getId(), "gate-1").plainToken();
    }

    @Test
    void aNewSignInAnswers201WithSlotAndFlagsAndARepeat200() throws Exception {
        send(body(site.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.result").value("CREATED"))
                .andExpect(jsonPath("$.slot").value("AM"))
                .andExpect(jsonPath("$.day").value("2025-06-03"))
                .andExpect(jsonPath("$.flags", hasSize(0)));
        send(body(site.worker().getWorkerCode(), "2025-06-03T08:10:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("ALREADY_SIGNED_IN"))
                .andExpect(jsonPath("$.punchedAt").value("2025-06-03T07:58:00+08:00"));
    }

    /**
     * A repeat is answered from its first round trip, outside any transaction: it does not wait for the
     * locks of the worker's day, which another sign-in of that day holds here (a session holding the
     * same advisory lock), and which the decision on a new sign-in takes.
     */
    @Test
    void aRepeatIsAnsweredWithoutTakingTheLocksOfTheWorkersDay() throws Exception {
        send(body(site.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00")).andExpect(status().isCreated());
        long key = (site.worker().getId() << 20) | (LocalDate.of(2025, 6, 3).toEpochDay() & 0xFFFFF);
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(true);
            try (var lock = other.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
            try {
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                        send(body(site.worker().getWorkerCode(), "2025-06-03T08:10:00+08:00"))
                                .andExpect(status().isOk())
                                .andExpect(jsonPath("$.result").value("ALREADY_SIGNED_IN"))
                                .andExpect(jsonPath("$.punchedAt").value("2025-06-03T07:58:00+08:00")));
            }
            finally {
                try (var unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, key);
                    unlock.execute();
                }
            }
        }
    }

    /**
     * The device API is the hot path: a terminal keeps no cookie, so a session row written per
     * sign-in would only be an insert and a later delete. The screens' login page, by contrast, does
     * write one (its CSRF token), which shows the session store is in the chain here.
     */
    @Test
    void signInsThroughTheDeviceApiWriteNoSessionAndSetNoCookie() throws Exception {
        long before = sessionRows();
        send(body(site.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Set-Cookie"));
        send(body(site.worker().getWorkerCode(), "2025-06-03T17:00:00+08:00"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Set-Cookie"));
        mvc.perform(post("/api/v1/punches").header("Authorization", "Bearer wrd_not-a-token")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Set-Cookie"));
        assertThat(sessionRows()).isEqualTo(before);

        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(header().exists("Set-Cookie"));
        assertThat(sessionRows()).isEqualTo(before + 1);
    }

    @Test
    void aRefusalAnswers422WithItsStableCode() throws Exception {
        Worker expired = site.addWorker(registry, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 2));
        send(body(expired.getWorkerCode(), "2025-06-03T07:58:00+08:00"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INSURANCE_NOT_VALID"))
                .andExpect(jsonPath("$.message").value("意外险不在有效期内，不能签到"));
    }

    @Test
    void aWorkerOfAnotherProjectAnswers403() throws Exception {
        ActiveProject other = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        send(body(other.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("WORKER_OF_ANOTHER_PROJECT"));
    }

    @Test
    void malformedJsonAnswers400() throws Exception {
        mvc.perform(post("/api/v1/punches").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"workerCode\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void aTimeWithoutItsOffsetNamesTheFieldAndTheFormExpected() throws Exception {
        send(body(site.worker().getWorkerCode(), "2025-06-03T07:58:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.message").value("punchedAt 须为带时区的时间，如 2025-06-03T07:58:00+08:00"));
        mvc.perform(post("/api/v1/punches/batch").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"punches\": [" + body(site.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00") + ","
                                + body(site.worker().getWorkerCode(), "明天早上") + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.message").value("punches[1].punchedAt 须为带时区的时间，如 2025-06-03T07:58:00+08:00"));
        send("{\"workerCode\": \"" + site.worker().getWorkerCode() + "\", \"punchedAt\": \"2025-06-03T07:58:00+08:00\", \"lat\": \"north\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.message").value("lat 的值格式不正确"));
        send("{\"workerCode\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("请求内容不是有效的 JSON"));
    }

    @Test
    void aMissingUnknownOrRevokedTokenAnswers401() throws Exception {
        String json = body(site.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00");
        mvc.perform(post("/api/v1/punches").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        mvc.perform(post("/api/v1/punches").header("Authorization", "Bearer wrd_not-a-token")
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isUnauthorized());
        long id = tokens.tokensOf(site.admin(), site.project().getId()).get(0).id();
        assertThat(tokens.authenticate(token)).as("live, and so remembered for a few seconds").isPresent();
        tokens.revoke(site.admin(), id);
        send(json).andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select count(*) from punch where worker_id = ?", Long.class,
                site.worker().getId())).isZero();
    }

    @Test
    void aTokenRevokedByAnotherInstanceStopsWorkingHereWithinTheRecheckTime() throws Exception {
        assertThat(tokens.authenticate(token)).isPresent();
        // what another instance's revocation changes: the row, not this instance's memory
        jdbc.update("update device_token set revoked_at = now() where token_hash = ?", DeviceTokenService.hash(token));
        assertThat(tokens.authenticate(token)).as("trusted until the recheck").isPresent();
        clock.set(clock.instant().plus(DeviceTokenService.RECHECK_AFTER));
        send(body(site.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00")).andExpect(status().isUnauthorized());
        assertThat(tokens.authenticate(token)).isEmpty();
    }

    private long sessionRows() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }

    @Test
    void tokensAreStoredOnlyAsTheirHash() {
        String stored = jdbc.queryForObject("select token_hash from device_token where project_id = ?", String.class,
                site.project().getId());
        assertThat(stored).isEqualTo(DeviceTokenService.hash(token)).doesNotContain(token);
        assertThat(tokens.authenticate(token)).isPresent();
        assertThat(tokens.authenticate(token + "x")).isEmpty();
    }

    @Test
    void aBatchAnswersEachItemInOrder() throws Exception {
        Worker expired = site.addWorker(registry, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 2));
        String batch = "{\"punches\": [" + body(site.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00") + ","
                + body(expired.getWorkerCode(), "2025-06-03T07:59:00+08:00") + ","
                + body(site.worker().getWorkerCode(), "2025-06-03T08:00:00+08:00") + ","
                + body(site.worker().getWorkerCode(), "2025-06-03T17:00:00+08:00") + "]}";
        mvc.perform(post("/api/v1/punches/batch").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results", hasSize(4)))
                .andExpect(jsonPath("$.results[0].index").value(0))
                .andExpect(jsonPath("$.results[0].status").value(201))
                .andExpect(jsonPath("$.results[1].status").value(422))
                .andExpect(jsonPath("$.results[1].code").value("INSURANCE_NOT_VALID"))
                .andExpect(jsonPath("$.results[2].status").value(200))
                .andExpect(jsonPath("$.results[3].status").value(201))
                .andExpect(jsonPath("$.results[3].slot").value("PM"));
    }

    @Test
    void aPositionOutOfRangeIsAnItemErrorNotAFailedBatch() throws Exception {
        String batch = "{\"punches\": [{\"workerCode\": \"" + site.worker().getWorkerCode()
                + "\", \"punchedAt\": \"2025-06-03T07:58:00+08:00\", \"lat\": 1000, \"lng\": 120.5},"
                + body(site.worker().getWorkerCode(), "2025-06-03T08:00:00+08:00") + "]}";
        mvc.perform(post("/api/v1/punches/batch").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value(400))
                .andExpect(jsonPath("$.results[0].code").value("INVALID_POSITION"))
                .andExpect(jsonPath("$.results[1].status").value(201));
    }

    @Test
    void aBatchOfMoreThanAThousandIsRefused() throws Exception {
        StringBuilder batch = new StringBuilder("{\"punches\": [");
        for (int i = 0; i < 1001; i++) {
            batch.append(i == 0 ? "" : ",").append(body(site.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00"));
        }
        mvc.perform(post("/api/v1/punches/batch").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(batch.append("]}").toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BATCH_SIZE"));
    }

    private ResultActions send(String json) throws Exception {
        return mvc.perform(post("/api/v1/punches").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String body(String workerCode, String punchedAt) {
        return "{\"workerCode\": \"" + workerCode + "\", \"punchedAt\": \"" + punchedAt + "\", \"deviceId\": \"gate-1\"}";
    }
}
