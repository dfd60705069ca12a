package org.workrelief.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser over real HTTP: one cookie jar, redirects not followed (so a test sees where they
 * point), and the form sign-in with the CSRF token the login page carries. For tests and
 * benchmarks that talk to a running server rather than through MockMvc.
 */
public final class HttpBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The CSRF token of a page's form or meta tag. */
    public static String csrfOf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the page (status " + page.statusCode() + ")");
        }
        return token.group(1);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** Signs in on the server at {@code base} with the login form. */
    public HttpResponse<String> signIn(URI base, String username, String password) throws Exception {
        String token = csrfOf(get(base.resolve("/login")));
        return post(base.resolve("/login"), Map.of("username", username, "password", password, "_csrf", token));
    }

    public HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where a redirect points, as path and query, whether the server sent it absolute or relative. */
    public static String location(HttpResponse<String> response) {
        URI location = URI.create(response.headers().firstValue("Location").orElse(""));
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }
}
