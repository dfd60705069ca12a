package org.workrelief.attendance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.workrelief.account.AccountService;
import org.workrelief.attendance.DeviceTokenService;
import org.workrelief.project.ProjectService;
import org.workrelief.support.ActiveProject;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.support.RegistryFixtures;
import org.workrelief.worker.Worker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published contract (/v3/api-docs) against what the device API really answers: every kind of
 * answer of every operation is sent through the real endpoints, and each response's status must be
 * one the operation documents and its body must validate against the documented schema (a JSON
 * Schema validator, the OpenAPI 3.1 dialect). The statuses seen must be exactly the documented ones,
 * so the document can neither miss an answer nor promise one the API never gives. The document is
 * written to target/openapi.json, where .ci/run lints it with redocly.
 */
@IntegrationTest
class DeviceApiContractTests {

    private static final String DOCUMENT = "https://workrelief.invalid/v3/api-docs";

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
    MutableClock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Operation ("POST /api/v1/punches") to the statuses its answers had. */
    private final Map<String, Set<String>> seen = new TreeMap<>();

    private final List<String> violations = new ArrayList<>();

    @Test
    void everyAnswerOfTheDeviceApiIsOneItsPublishedContractDocuments() throws Exception {
        clock.set(ZonedDateTime.of(2025, 6, 3, 20, 0, 0, 0, MutableClock.ZONE).toInstant());
        ActiveProject site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        ActiveProject other = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        Worker expired = site.addWorker(registry, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 2));
        Worker second = site.addWorker(registry, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 7, 1));
        String token = tokens.issue(site.admin(), site.project().getId(), "gate-1").plainToken();
        String code = site.worker().getWorkerCode();

        String published = mvc.perform(get("/v3/api-docs").with(user(site.staff()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), published);
        JsonNode document = json.readTree(published);
        SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT, published)));

        // one sign-in: every kind of answer
        String single = "/api/v1/punches";
        exchange(document, schemas, "POST", single, device(post(single), token, punch(code, "2025-06-03T07:58:00+08:00")));
        exchange(document, schemas, "POST", single, device(post(single), token, punch(code, "2025-06-03T08:10:00+08:00")));
        exchange(document, schemas, "POST", single, device(post(single), token, "{\"punchedAt\": \"2025-06-03T07:58:00+08:00\"}"));
        exchange(document, schemas, "POST", single, device(post(single), token,
                "{\"workerCode\": \"" + code + "\", \"punchedAt\": \"2025-06-03T17:00:00+08:00\", \"lat\": 91}"));
        exchange(document, schemas, "POST", single, device(post(single), token, "{\"workerCode\": "));
        exchange(document, schemas, "POST", single, device(post(single), token, punch(code, "2025-06-03T07:58:00")));
        exchange(document, schemas, "POST", single, post(single).contentType(MediaType.APPLICATION_JSON)
                .content(punch(code, "2025-06-03T07:58:00+08:00")));
        exchange(document, schemas, "POST", single, device(post(single), "wrd_not-a-token", punch(code, "2025-06-03T07:58:00+08:00")));
        exchange(document, schemas, "POST", single, device(post(single), token,
                punch(other.worker().getWorkerCode(), "2025-06-03T07:58:00+08:00")));
        exchange(document, schemas, "POST", single, device(post(single), token,
                punch(expired.getWorkerCode(), "2025-06-03T07:58:00+08:00")));
        exchange(document, schemas, "POST", single, device(post(single), token, punch("NOBODY-1", "2025-06-03T07:58:00+08:00")));
        exchange(document, schemas, "POST", single, device(post(single), token, punch(code, "2025-06-05T07:58:00+08:00")));
        exchange(document, schemas, "POST", single, device(post(single), token, punch(code, "2025-06-03T23:30:00+08:00")));
        // a value PostgreSQL cannot store (a NUL character): the terminal is told to send it again later
        exchange(document, schemas, "POST", single, device(post(single), token, "{\"workerCode\": \"" + code
                + "\", \"punchedAt\": \"2025-06-03T17:00:00+08:00\", \"deviceId\": \"gate\\u0000-1\"}"));

        // a batch: its items carry the same answers; the batch itself is 200, 400 or 401
        String batch = "/api/v1/punches/batch";
        exchange(document, schemas, "POST", batch, device(post(batch), token, "{\"punches\": ["
                + punch(code, "2025-06-03T17:00:00+08:00") + "," + punch(code, "2025-06-03T17:05:00+08:00") + ","
                + punch(expired.getWorkerCode(), "2025-06-03T17:00:00+08:00") + ","
                + punch(other.worker().getWorkerCode(), "2025-06-03T17:00:00+08:00") + ","
                + "{\"workerCode\": \"" + code + "\"}," + "{\"workerCode\": \"" + second.getWorkerCode()
                + "\", \"punchedAt\": \"2025-06-03T17:00:00+08:00\", \"deviceId\": \"gate\\u0000-1\"}" + "]}"));
        exchange(document, schemas, "POST", batch, device(post(batch), token, "{\"punches\": []}"));
        exchange(document, schemas, "POST", batch, device(post(batch), token, "{\"punches\": [" + punch(code, "明天早上") + "]}"));
        exchange(document, schemas, "POST", batch, post(batch).contentType(MediaType.APPLICATION_JSON).content("{\"punches\": []}"));

        // the no-op behind the same token check
        String ping = "/api/v1/ping";
        exchange(document, schemas, "GET", ping, get(ping).header("Authorization", "Bearer " + token));
        exchange(document, schemas, "GET", ping, get(ping));

        assertThat(violations).as("answers that break the published contract").isEmpty();
        assertThat(seen).as("the statuses each operation answered are exactly those it documents")
                .isEqualTo(documented(document));
    }

    @Test
    void everyOperationNeedsTheBearerTokenAndHasItsSummaryInBothLanguages() throws Exception {
        ActiveProject site = ActiveProject.create(accounts, projects, registry, LocalDate.of(2025, 6, 3));
        JsonNode document = json.readTree(mvc.perform(get("/v3/api-docs").with(user(site.staff())))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode scheme = document.at("/components/securitySchemes/deviceToken");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("deviceToken")).isTrue();
        List<String> operations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            assertThat(path.getKey()).startsWith("/api/");
            for (var operation : path.getValue().properties()) {
                operations.add(operation.getKey() + " " + path.getKey());
                JsonNode op = operation.getValue();
                assertThat(op.path("summary").asString()).as(path.getKey()).containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]{4}");
                assertThat(op.path("description").asString()).as(path.getKey()).containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]{4}");
                assertThat(op.has("security")).as("no operation opts out of the token").isFalse();
            }
        }
        assertThat(operations).containsExactlyInAnyOrder("post /api/v1/punches", "post /api/v1/punches/batch",
                "get /api/v1/ping");
    }

    private void exchange(JsonNode document, SchemaRegistry schemas, String method, String path, RequestBuilder request)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String status = String.valueOf(response.getStatus());
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String operation = method + " " + path;
        seen.computeIfAbsent(operation, key -> new TreeSet<>()).add(status);
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase() + "/responses/" + status;
        JsonNode answer = document.at(pointer);
        if (answer.has("$ref")) {
            pointer = answer.path("$ref").asString().substring(1);
            answer = document.at(pointer);
        }
        if (answer.isMissingNode()) {
            violations.add(operation + " answered " + status + ", which it does not document: " + body);
            return;
        }
        JsonNode content = answer.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                violations.add(operation + " " + status + " documents no body but answered " + body);
            }
            return;
        }
        String mediaType = content.properties().iterator().next().getKey();
        assertThat(response.getContentType()).as(operation + " " + status).startsWith(mediaType);
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer + "/content/" + escape(mediaType) + "/schema"));
        List<Error> errors = schema.validate(json.readTree(body));
        if (!errors.isEmpty()) {
            violations.add(operation + " " + status + " " + body + " breaks its schema: " + errors);
        }
    }

    /** The statuses each operation documents. */
    private static Map<String, Set<String>> documented(JsonNode document) {
        Map<String, Set<String>> statuses = new TreeMap<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                Set<String> codes = new TreeSet<>();
                operation.getValue().path("responses").properties().forEach(response -> codes.add(response.getKey()));
                statuses.put(operation.getKey().toUpperCase() + " " + path.getKey(), codes);
            }
        }
        return statuses;
    }

    private static String escape(String pointerStep) {
        return pointerStep.replace("~", "~0").replace("/", "~1");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder device(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token, String body) {
        return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String punch(String workerCode, String punchedAt) {
        return "{\"workerCode\": \"" + workerCode + "\", \"punchedAt\": \"" + punchedAt + "\", \"deviceId\": \"gate-1\"}";
    }
}
