package org.workrelief.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.JdbcTemplate;

/** The two sides of the sign-in benchmarks: a terminal's POST to the device API, and the bare INSERT of the row. */
final class SignIns {

    private SignIns() {
    }

    /** A terminal's HTTP client: HTTP/1.1 as terminals speak it (the default, HTTP/2, would first try an upgrade). */
    static HttpClient terminal() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Posts one sign-in with the token; anything but the expected status is an error of the run. */
    static void post(HttpClient http, URI uri, String token, String workerCode, ZonedDateTime at, int expectedStatus)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workerCode\":\"" + workerCode + "\",\"punchedAt\":\""
                        + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at) + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    /** The same row by a plain INSERT: the baseline (no rules, no audit row, no HTTP). */
    static void insert(JdbcTemplate jdbc, long projectId, long workerId, ZonedDateTime at, String deviceId) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        jdbc.update("""
                insert into punch (project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, 'DEVICE', ?, 'bench', ?, 'bench', ?, 'bench')
                """, projectId, workerId, Date.valueOf(at.toLocalDate()), at.getHour() < 12 ? "AM" : "PM",
                Timestamp.from(at.toInstant()), deviceId, now, now);
    }
}
