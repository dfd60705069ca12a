package org.workrelief.message;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workrelief.common.crypto.DataProtector;
import org.workrelief.common.sheet.SheetWriter;
import org.workrelief.payout.BankService;
import org.workrelief.payout.PaidSite;
import org.workrelief.payout.PayoutBatch;
import org.workrelief.payout.PayoutFlow;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;
import org.workrelief.worker.Worker;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The outbox end to end against a local stand-in of Alibaba Cloud SMS (WireMock, never the internet):
 * the payout steps put one message per worker and event in the outbox, sending signs the request as
 * the provider documents, a failure is tried again after the back-off and every attempt is kept, and
 * no event's message is sent twice, also by two senders at once.
 */
@IntegrationTest
class MessageOutboxTests {

    static final String SECRET = "stand-in-secret";
    static WireMockServer provider;

    @Autowired MessageOutbox outbox;
    @Autowired PayoutFlow flow;
    @Autowired BankService bank;
    @Autowired DataProtector protector;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired AttendanceSummaries summaries;
    @Autowired SummarySettings summarySettings;

    AliyunSmsGateway gateway;

    @BeforeAll
    static void startProvider() {
        provider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    @BeforeEach
    void setUp() {
        provider.resetAll();
        provider.stubFor(post(urlEqualTo("/")).willReturn(okJson(
                "{\"Message\":\"OK\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\",\"Code\":\"OK\",\"BizId\":\"900619746936498440^0\"}")));
        gateway = new AliyunSmsGateway(provider.baseUrl(), "stand-in-id", SECRET, "以工代赈", "SMS_0000001", "content", clock);
        // the messages other tests' payouts left waiting are not this test's to send
        jdbc.update("update worker_message set status = 'GAVE_UP' where status in ('PENDING', 'FAILED')");
    }

    // --- the events -----------------------------------------------------------------------------

    @Test
    void eachPayoutStepPutsOneShortMessagePerWorkerInTheOutboxWithoutFullNumbers() throws Exception {
        PaidSite p = flow.site();
        PayoutBatch released = flow.released(p);
        Worker first = p.crew().get(0);
        String card = plain("bank_card_cipher", first.getId());
        String id = plain("id_number_cipher", first.getId());

        Map<String, String> notices = bodies("PAYOUT_NOTICE:batch:" + released.id() + ":worker:");
        assertThat(notices).hasSize(4);
        String notice = notices.get("PAYOUT_NOTICE:batch:" + released.id() + ":worker:" + first.getId());
        assertThat(notice).contains("800.00元", "5月26日至30日", "公示", "/notice/" + released.noticeToken());

        Map<String, String> sentToBank = bodies("PAYOUT_RELEASED:batch:" + released.id() + ":worker:");
        assertThat(sentToBank).hasSize(4);
        String toBank = sentToBank.get("PAYOUT_RELEASED:batch:" + released.id() + ":worker:" + first.getId());
        assertThat(toBank).contains("800.00元", "尾号" + card.substring(card.length() - 4)).hasSizeLessThan(70);

        long firstLine = lineOf(released.id(), first.getId());
        long secondLine = lineOf(released.id(), p.crew().get(1).getId());
        bank.importResults(p.finance(), released.id(), "result.csv", results(
                List.of(card, "800.00", "成功", ""),
                List.of(plain("bank_card_cipher", p.crew().get(1).getId()), "800.00", "失败", "账户已冻结")));
        assertThat(bodies("PAYOUT_PAID:line:" + firstLine).values()).singleElement().asString()
                .contains("800.00元", "已于" + MessageTexts.day(java.time.LocalDate.now(clock)), "尾号" + card.substring(card.length() - 4)).hasSizeLessThan(70);
        assertThat(bodies("PAYOUT_FAILED:line:" + secondLine).values()).singleElement().asString()
                .contains("发放未成功", "账户已冻结").hasSizeLessThan(70);

        List<String> all = jdbc.queryForList("select body from worker_message where worker_id = ?", String.class, first.getId());
        assertThat(all).hasSize(3).allSatisfy(text -> assertThat(text).doesNotContain(card).doesNotContain(id));
        assertThat(jdbc.queryForObject("select count(*) from worker_message where worker_id = ? and phone = ?", Integer.class,
                first.getId(), first.getPhone())).as("to the phone as registered").isEqualTo(3);
    }

    @Test
    void oneEventPutsOneMessageInTheOutboxHoweverOftenItIsHeard() {
        Worker worker = flow.site().crew().get(0);
        String key = "TEST:once:" + worker.getId();
        assertThat(outbox.enqueue(key, worker.getId(), "第一次")).isTrue();
        assertThat(outbox.enqueue(key, worker.getId(), "第二次")).isFalse();
        assertThat(jdbc.queryForList("select body from worker_message where event_key = ?", String.class, key))
                .containsExactly("第一次");
    }

    @Test
    void theDailyAttendanceSummaryIsOffByDefaultOnForTheProjectsTheirAdministratorsChoseAndOncePerWorkerAndDay() {
        PaidSite p = flow.site();
        assertThat(summaries.run()).as("off unless turned on").isFalse();
        String prefix = "ATTENDANCE:day:" + PaidSite.TO + ":worker:";
        assertThat(bodies(prefix)).isEmpty();

        summaries.enqueueFor(PaidSite.TO);
        assertThat(bodies(prefix + p.crew().get(0).getId())).as("not for a project whose administrator did not turn it on")
                .isEmpty();
        assertThatThrownBy(() -> summarySettings.switchSummary(p.staff(), p.projectId(), true))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        summarySettings.switchSummary(p.admin(), p.projectId(), true);
        assertThat(summarySettings.projects(p.admin())).anySatisfy(sp -> {
            assertThat(sp.projectId()).isEqualTo(p.projectId());
            assertThat(sp.on()).isTrue();
        });
        assertThat(summaries.enqueueFor(PaidSite.TO)).isGreaterThanOrEqualTo(4);
        assertThat(bodies(prefix + p.crew().get(0).getId())).containsValue(
                "您5月30日在测试项目签到：上午07:58，下午17:02。如有出入请向村监督委员会反映。".replace("测试项目",
                        jdbc.queryForObject("select left(name, 12) from project where id = ?", String.class, p.projectId())));
        assertThat(bodies(prefix + p.crew().get(3).getId()).values()).singleElement().asString()
                .contains("上午07:58，下午未签").hasSizeLessThan(70);
        assertThat(summaries.enqueueFor(PaidSite.TO)).as("once per worker and day").isZero();
    }

    // --- sending --------------------------------------------------------------------------------

    @Test
    void sendsThroughTheProviderSignedAsItDocumentsAndKeepsItsAnswer() {
        Worker worker = flow.site().crew().get(0);
        long id = message("TEST:signed:" + worker.getId(), worker, "您在测试项目的劳务报酬800.00元已发放。");

        assertThat(outbox.sendDue(gateway)).isEqualTo(1);

        List<LoggedRequest> requests = requestsFor(id);
        assertThat(requests).hasSize(1);
        Map<String, String> form = form(requests.get(0));
        assertThat(form).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
                .containsEntry("AccessKeyId", "stand-in-id").containsEntry("SignatureMethod", "HMAC-SHA1")
                .containsEntry("SignatureVersion", "1.0").containsEntry("PhoneNumbers", worker.getPhone())
                .containsEntry("SignName", "以工代赈").containsEntry("TemplateCode", "SMS_0000001")
                .containsEntry("TemplateParam", "{\"content\":\"您在测试项目的劳务报酬800.00元已发放。\"}")
                .containsEntry("Timestamp", "2025-06-03T01:00:00Z").containsKey("SignatureNonce");
        assertThat(form.get("Signature")).as("signed as documented").isEqualTo(documentedSignature("POST", form, SECRET));

        Map<String, Object> row = jdbc.queryForMap("select status, attempts, sent_at from worker_message where id = ?", id);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(jdbc.queryForList("select outcome || ' ' || provider_answer from worker_message_attempt where message_id = ?",
                String.class, id)).singleElement().asString().startsWith("SENT HTTP 200").contains("900619746936498440^0");
    }

    @Test
    void aFailureIsTriedAgainAfterEachBackOffAndGivenUpAfterTheLastEveryAttemptKept() {
        provider.stubFor(post(urlEqualTo("/")).willReturn(okJson(
                "{\"Message\":\"触发小时级流控Permits:5\",\"RequestId\":\"R-1\",\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}")));
        Worker worker = flow.site().crew().get(0);
        long id = message("TEST:retry:" + worker.getId(), worker, "重试测试");
        Instant start = clock.instant();

        outbox.sendDue(gateway);
        assertThat(state(id)).isEqualTo("FAILED 1 " + start.plus(Duration.ofMinutes(1)));
        outbox.sendDue(gateway);
        assertThat(requestsFor(id)).as("not tried again before its time").hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        outbox.sendDue(gateway);
        assertThat(state(id)).isEqualTo("FAILED 2 " + clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        provider.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        outbox.sendDue(gateway);
        assertThat(state(id)).isEqualTo("FAILED 3 " + clock.instant().plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(30));
        outbox.sendDue(gateway);
        assertThat(state(id)).isEqualTo("FAILED 4 " + clock.instant().plus(Duration.ofHours(2)));
        clock.advance(Duration.ofHours(2));
        outbox.sendDue(gateway);
        assertThat(state(id)).startsWith("GAVE_UP 5 ");
        clock.advance(Duration.ofDays(1));
        outbox.sendDue(gateway);
        assertThat(requestsFor(id)).as("given up: never tried again").hasSize(5);

        assertThat(jdbc.queryForList("""
                select attempt_no || ' ' || outcome || ' ' || provider_answer from worker_message_attempt
                where message_id = ? order by attempt_no
                """, String.class, id)).hasSize(5)
                .satisfies(attempts -> assertThat(attempts.get(0)).startsWith("1 FAILED HTTP 200").contains("isv.BUSINESS_LIMIT_CONTROL"))
                .satisfies(attempts -> assertThat(attempts.get(2)).isEqualTo("3 FAILED HTTP 502 bad gateway"));
    }

    @Test
    void aNumberTheProviderRefusesIsGivenUpAtOnce() {
        provider.stubFor(post(urlEqualTo("/")).willReturn(okJson(
                "{\"Message\":\"非法手机号\",\"RequestId\":\"R-2\",\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\"}")));
        Worker worker = flow.site().crew().get(0);
        long id = message("TEST:illegal:" + worker.getId(), worker, "号码测试");
        outbox.sendDue(gateway);
        assertThat(state(id)).startsWith("GAVE_UP 1 ");
    }

    @Test
    void aSentMessageIsNeverSentAgain() {
        Worker worker = flow.site().crew().get(0);
        long id = message("TEST:sent-once:" + worker.getId(), worker, "只发一次");
        outbox.sendDue(gateway);
        outbox.enqueue("TEST:sent-once:" + worker.getId(), worker.getId(), "只发一次");
        clock.advance(Duration.ofDays(1));
        outbox.sendDue(gateway);
        assertThat(requestsFor(id)).hasSize(1);
    }

    @Test
    void twoSendersAtOnceSendEachMessageOnce() throws Exception {
        // the stand-in answers slowly, so that the two senders are at work at the same moment
        provider.stubFor(post(urlEqualTo("/")).willReturn(okJson("{\"Code\":\"OK\",\"Message\":\"OK\"}").withFixedDelay(150)));
        PaidSite p = flow.site();
        List<Long> ids = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (Worker worker : p.crew()) {
                ids.add(message("TEST:concurrent:" + round + ":" + worker.getId(), worker, "并发测试 " + round));
            }
        }
        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> sender = () -> {
            go.await();
            return outbox.sendDue(gateway);
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = two.submit(sender);
            Future<Integer> b = two.submit(sender);
            go.countDown();
            assertThat(a.get() + b.get()).isEqualTo(ids.size());
            assertThat(a.get()).as("both senders took part").isPositive();
            assertThat(b.get()).as("both senders took part").isPositive();
        }
        finally {
            two.shutdownNow();
        }
        Map<String, Long> perMessage = provider.getAllServeEvents().stream()
                .map(event -> form(event.getRequest()).get("OutId"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perMessage).hasSize(ids.size()).allSatisfy((outId, count) -> assertThat(count).as(outId).isEqualTo(1L));
        assertThat(jdbc.queryForObject("select count(*) from worker_message where id = any (?) and status = 'SENT'",
                Integer.class, (Object) ids.toArray(Long[]::new))).isEqualTo(ids.size());
    }

    @Test
    void aMessageNotDeliveredWithinAWeekOfItsEventIsNoLongerSent() {
        Worker worker = flow.site().crew().get(0);
        long id = message("TEST:expired:" + worker.getId(), worker, "过期测试");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        outbox.sendDue(gateway);
        assertThat(requestsFor(id)).isEmpty();
        assertThat(state(id)).startsWith("PENDING 0 ");
    }

    @Test
    void withoutAProviderTheMessagesStayInTheOutbox() {
        Worker worker = flow.site().crew().get(0);
        long id = message("TEST:no-provider:" + worker.getId(), worker, "无通道");
        assertThat(outbox.providerConfigured()).isFalse();
        assertThat(outbox.sendDue()).isZero();
        assertThat(state(id)).startsWith("PENDING 0 ");
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private long message(String key, Worker worker, String text) {
        assertThat(outbox.enqueue(key, worker.getId(), text)).isTrue();
        return jdbc.queryForObject("select id from worker_message where event_key = ?", Long.class, key);
    }

    private String state(long id) {
        return jdbc.queryForObject("select status, attempts, next_attempt_at from worker_message where id = ?",
                (rs, i) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getTimestamp(3).toInstant(), id);
    }

    private Map<String, String> bodies(String keyPrefix) {
        Map<String, String> found = new TreeMap<>();
        jdbc.query("select event_key, body from worker_message where event_key like ?",
                rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                }, keyPrefix + "%");
        return found;
    }

    private List<LoggedRequest> requestsFor(long id) {
        return provider.getAllServeEvents().stream().map(event -> event.getRequest())
                .filter(request -> String.valueOf(id).equals(form(request).get("OutId"))).toList();
    }

    private long lineOf(long batchId, long workerId) {
        return jdbc.queryForObject("select id from payout_line where batch_id = ? and worker_id = ?", Long.class, batchId, workerId);
    }

    private String plain(String column, long workerId) {
        return protector.decrypt(jdbc.queryForObject("select " + column + " from worker where id = ?", String.class, workerId));
    }

    @SafeVarargs
    private static ByteArrayInputStream results(List<String>... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.csv(List.of("银行卡号", "金额", "结果", "原因"), new ArrayList<>(List.of(rows)), out);
        return new ByteArrayInputStream(out.toByteArray());
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /**
     * The provider's documented algorithm, written again here: every parameter but Signature, sorted,
     * RFC 3986-encoded (space %20, * %2A, ~ kept); HTTP method, "/" and that query, each encoded, joined
     * by &amp;; HMAC-SHA1 keyed with the secret and "&amp;"; Base64.
     */
    static String documentedSignature(String method, Map<String, String> form, String secret) throws RuntimeException {
        Function<String, String> enc = s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("*", "%2A").replace("%7E", "~");
        String query = new TreeMap<>(form).entrySet().stream().filter(e -> !e.getKey().equals("Signature"))
                .map(e -> enc.apply(e.getKey()) + "=" + enc.apply(e.getValue())).collect(Collectors.joining("&"));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((method + "&" + enc.apply("/") + "&" + enc.apply(query)).getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
