package org.workrelief.message;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS (阿里云短信服务, dysmsapi, API version 2017-05-25), action SendSms, RPC style: the
 * request parameters and the published signature (signature version 1.0, HMAC-SHA1 over
 * {@code POST&%2F&<percent-encoded sorted query>} with the key {@code <AccessKeySecret>&}), written here
 * because the provider's SDK is not among the packages this project may use. The message text goes in
 * the one variable of an approved notification template ({@code TemplateParam}); the provider adds the
 * sign name in 【】.
 * <p>
 * Configured by environment variables (see application.properties): endpoint, AccessKey id and secret,
 * sign name, template code and the template's variable. Off until all of them are set.
 */
@Component
class AliyunSmsGateway implements SmsGateway {

    static final String API_VERSION = "2017-05-25";
    /** Provider codes after which trying again cannot help. */
    private static final Set<String> PERMANENT = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String endpoint;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final String signName;
    private final String templateCode;
    private final String templateParam;
    private final Clock clock;
    private final JsonMapper json;
    private final HttpClient http;

    AliyunSmsGateway(@Value("${workrelief.sms.aliyun.endpoint:}") String endpoint,
            @Value("${workrelief.sms.aliyun.access-key-id:}") String accessKeyId,
            @Value("${workrelief.sms.aliyun.access-key-secret:}") String accessKeySecret,
            @Value("${workrelief.sms.aliyun.sign-name:}") String signName,
            @Value("${workrelief.sms.aliyun.template-code:}") String templateCode,
            @Value("${workrelief.sms.aliyun.template-param:content}") String templateParam, Clock clock) {
        this.endpoint = endpoint.strip();
        this.accessKeyId = accessKeyId.strip();
        this.accessKeySecret = accessKeySecret.strip();
        this.signName = signName.strip();
        this.templateCode = templateCode.strip();
        this.templateParam = templateParam.strip();
        this.clock = clock;
        this.json = JsonMapper.builder().build();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public boolean configured() {
        return !endpoint.isEmpty() && !accessKeyId.isEmpty() && !accessKeySecret.isEmpty() && !signName.isEmpty()
                && !templateCode.isEmpty() && !templateParam.isEmpty();
    }

    @Override
    public Result send(String phone, String text, String outId) {
        if (!configured()) {
            return Result.failed("not configured");
        }
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("AccessKeyId", accessKeyId);
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("OutId", outId);
        parameters.put("PhoneNumbers", phone);
        parameters.put("RegionId", "cn-hangzhou");
        parameters.put("SignName", signName);
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("TemplateCode", templateCode);
        parameters.put("TemplateParam", json.writeValueAsString(Map.of(templateParam, text)));
        parameters.put("Timestamp", TIMESTAMP.format(clock.instant()));
        parameters.put("Version", API_VERSION);
        String query = canonicalQuery(parameters);
        String body = query + "&Signature=" + percentEncode(signature("POST", query, accessKeySecret));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException unreachable) {
            return Result.failed(limit("network: " + unreachable.getClass().getSimpleName()
                    + (unreachable.getMessage() == null ? "" : " " + unreachable.getMessage())));
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Result.failed("interrupted");
        }
        String answer = limit("HTTP " + response.statusCode() + " " + response.body());
        String code;
        try {
            JsonNode node = json.readTree(response.body());
            code = node.path("Code").asString("");
        }
        catch (RuntimeException notJson) {
            return Result.failed(answer);
        }
        if (response.statusCode() == 200 && "OK".equals(code)) {
            return Result.accepted(answer);
        }
        return PERMANENT.contains(code) ? Result.refusedForGood(answer) : Result.failed(answer);
    }

    /** The parameters sorted by name, each name and value percent-encoded, joined by {@code &}. */
    static String canonicalQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue())).collect(Collectors.joining("&"));
    }

    /** Signature version 1.0: Base64 of HMAC-SHA1(secret + "&", METHOD + "&" + enc("/") + "&" + enc(query)). */
    static String signature(String method, String canonicalQuery, String secret) {
        String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", impossible);
        }
    }

    /** RFC 3986 as the provider asks: unreserved characters kept, space as %20, * as %2A, ~ kept. */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String limit(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
