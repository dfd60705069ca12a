package org.workrelief.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workrelief.support.TestClockConfiguration;

/**
 * A redirect must not take its host from the request (issue 19 §5): with {@code Host: evil.example},
 * or a forged {@code X-Forwarded-Host}, the Location still leads to this server. Sent over a raw socket
 * to the real Tomcat, since MockMvc has no Host header handling of its own and HTTP clients refuse to
 * set Host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "workrelief.jobs.enabled=false")
@org.springframework.context.annotation.Import(TestClockConfiguration.class)
class ForgedHostRedirectTests {

    private static final Pattern LOCATION = Pattern.compile("(?im)^Location:\\s*(\\S+)\\s*$");

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /, /login",
            "GET, /payouts, /login",
            "GET, /admin/users, /login"
    })
    void aForgedHostNeverBecomesTheRedirectsHost(String method, String path, String expectedStart) throws IOException {
        for (String forged : new String[] { "Host: evil.example", "Host: localhost:" + port + "\r\nX-Forwarded-Host: evil.example" }) {
            String location = location(method, path, forged);
            assertThat(location).as(forged).doesNotContain("evil.example").startsWith(expectedStart);
        }
    }

    @org.junit.jupiter.api.Test
    void aFailedSignInUnderAForgedHostIsSentBackToThisServersLoginPage() throws IOException {
        String forged = "Host: evil.example\r\nX-Forwarded-Host: evil.example";
        String page = exchange("GET /login HTTP/1.1\r\n" + forged + "\r\nConnection: close\r\n\r\n");
        Matcher cookie = Pattern.compile("(?im)^Set-Cookie:\\s*(SESSION=[^;]+)").matcher(page);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(cookie.find()).as(page).isTrue();
        assertThat(token.find()).as(page).isTrue();
        String body = "username=nobody&password=wrong&_csrf=" + token.group(1);
        String response = exchange("POST /login HTTP/1.1\r\n" + forged + "\r\nCookie: " + cookie.group(1)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        Matcher location = LOCATION.matcher(response.substring(0, response.indexOf("\r\n\r\n")));
        assertThat(location.find()).as(response).isTrue();
        assertThat(location.group(1)).isEqualTo("/login?error=bad");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String location(String method, String path, String hostHeaders) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String body = "POST".equals(method) ? "username=nobody&password=x" : "";
            String request = method + " " + path + " HTTP/1.1\r\n" + hostHeaders + "\r\n"
                    + ("POST".equals(method) ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                            + body.length() + "\r\n" : "")
                    + "Connection: close\r\n\r\n" + body;
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher matcher = LOCATION.matcher(response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))));
            assertThat(matcher.find()).as("a redirect for " + method + " " + path + ":\n" + response).isTrue();
            return matcher.group(1);
        }
    }
}
