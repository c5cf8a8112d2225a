package io.cancelgateway.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.cancelgateway.e2e.RestCancelTest.API_KEY;
import static io.cancelgateway.e2e.RestCancelTest.cancel;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.cancelgateway.e2e.WireMockProviders.server;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.jms.Message;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.cancelgateway.file.CsvResultWriter;
import io.cancelgateway.provider.kwikpaisa.KwikPaisaSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Status sync through the whole service against WireMock providers: which results are followed, the status calls on
 * the wire, the mapping of what they find, and how each channel's caller hears of a change.
 */
@QuarkusTest
@TestProfile(StatusSyncProviders.class)
class StatusSyncTest {

    static final String PAYOUT_MERCHANT = "payout-merchant";
    static final String SCHEDULED = "{\"status\":\"Fulfillment is scheduled for cancelation. Please check order status "
            + "for final status.\"}";
    static final Duration SYNCED = Duration.ofSeconds(20);

    /** While set, every poll's updates files fail, as a client's outbox that cannot be written. */
    private static volatile boolean outboxFails;
    private static boolean outboxWoven;

    @Inject
    CamelContext camel;

    @BeforeEach
    void resetProviders() {
        server.resetAll();
    }

    @Test
    void anOutboxThatCannotBeWrittenHoldsUpNoPollsChecks() throws Exception {
        if (!outboxWoven) {
            AdviceWith.adviceWith(camel, "announce-updates", route -> route.weaveById("write-file-updates").before()
                    .process(exchange -> {
                        if (outboxFails) {
                            throw new java.io.IOException("updates file not written (injected)");
                        }
                    }));
            outboxWoven = true;
        }
        String payment = unique("pay");
        stubHyperswitchCancel(payment, "processing");
        server.stubFor(get(urlEqualTo("/payments/" + payment + "?force_sync=true"))
                .willReturn(payment(payment, "cancelled")));
        String requestId = unique("sync-outbox");
        outboxFails = true;
        try {
            cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", payment)).statusCode(202)
                    .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"));

            // Every poll fails its updates files first, then still starts its due checks.
            assertThat(awaitSyncState(requestId, "FINAL").getString("outcome")).isEqualTo("CANCELLED");
        } finally {
            outboxFails = false;
        }
    }

    @Test
    void aScheduledPayoutCancelIsFollowedThroughItsOrderUntilCancelled() {
        String fulfillment = unique("ful");
        String order = unique("po");
        stubPayoutCancel(fulfillment);
        stubPayoutOrder(order, fulfillment, "CANCELLED");
        String requestId = unique("sync-payout");

        cancel(payout(requestId, fulfillment, order)).statusCode(202)
                .body("outcome", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"))
                .body("next_check_at", notNullValue())
                .body("status_checks", org.hamcrest.Matchers.equalTo(0));
        JsonPath result = awaitSyncState(requestId, "FINAL");

        assertThat(result.getString("outcome")).isEqualTo("CANCELLED");
        assertThat(result.getBoolean("retryable")).isFalse();
        assertThat(result.getString("provider_status")).isEqualTo("CANCELLED");
        assertThat(result.getString("cancelled_at")).startsWith("2025-01-16T08:12:02");
        assertThat(result.getInt("status_checks")).isEqualTo(1);
        assertThat(result.getString("synced_at")).isNotNull();
        assertThat(result.getString("next_check_at")).isNull();
        List<LoggedRequest> checks = server.findAll(getRequestedFor(urlEqualTo(
                "/payout/merchant/v1/orders/" + order + "?expand=fulfillment")));
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    (WireMockProviders.JUSPAY_KEY + ":").getBytes(StandardCharsets.UTF_8)));
            assertThat(check.getHeader("x-merchantid")).isEqualTo(PAYOUT_MERCHANT);
            assertThat(check.getHeader("x-routing-id")).isEqualTo("cust_1");
        });
        assertThat(attemptKinds(requestId)).containsExactly("cancel", "status");
        assertThat(Operations.given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("cancel_sync_total\\{outcome=\"CANCELLED\",provider=\"juspay-payout\"\\} [1-9]")
                .contains("cancel_provider_calls_seconds_count{provider=\"juspay-payout\"}");
    }

    @Test
    void aPayoutCancelWithoutItsOrderIsNotFollowedAndCannotBeSynced() {
        String fulfillment = unique("ful");
        stubPayoutCancel(fulfillment);
        String requestId = unique("sync-orphan");
        Map<String, Object> request = payout(requestId, fulfillment, null);

        cancel(request).statusCode(202)
                .body("outcome", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("NOT_FOLLOWED"))
                .body("next_check_at", nullValue());
        given().header("X-Api-Key", API_KEY).when().post("/api/v1/cancellations/" + requestId + "/sync")
                .then().statusCode(409).body("error", org.hamcrest.Matchers.equalTo("not_followed"));
        given().header("X-Api-Key", API_KEY).when().post("/api/v1/cancellations/" + unique("none") + "/sync")
                .then().statusCode(404);
        assertThat(server.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
                .isEmpty();
    }

    @Test
    void aHyperswitchVoidStillProcessingIsCheckedAgainUntilCancelled() {
        String payment = unique("pay");
        stubHyperswitchCancel(payment, "processing");
        String status = "/payments/" + payment + "?force_sync=true";
        server.stubFor(get(urlEqualTo(status)).inScenario(payment).whenScenarioStateIs(STARTED)
                .willReturn(payment(payment, "processing")).willSetStateTo("voided"));
        server.stubFor(get(urlEqualTo(status)).inScenario(payment).whenScenarioStateIs("voided")
                .willReturn(payment(payment, "cancelled")));
        String requestId = unique("sync-hs");

        cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", payment)).statusCode(202)
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"));
        JsonPath result = awaitSyncState(requestId, "FINAL");

        assertThat(result.getString("outcome")).isEqualTo("CANCELLED");
        assertThat(result.getInt("status_checks")).isEqualTo(2);
        List<LoggedRequest> checks = server.findAll(getRequestedFor(urlEqualTo(status)));
        assertThat(checks).hasSize(2).allSatisfy(check ->
                assertThat(check.getHeader("api-key")).isEqualTo(WireMockProviders.HYPERSWITCH_KEY));
    }

    @Test
    void aKwikPaisaOrderFoundPaidIsRejectedAndItsStatusCallIsSignedLikeACancel() {
        String order = unique("kp");
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))
                .willReturn(kwikPaisa(order, "PROCESSING")));
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/status"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))
                .willReturn(kwikPaisa(order, "PAID")));
        String requestId = unique("sync-kp");

        cancel(Map.of("request_id", requestId, "provider", "kwikpaisa", "reference", order)).statusCode(202)
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"));
        JsonPath result = awaitSyncState(requestId, "FINAL");

        assertThat(result.getString("outcome")).isEqualTo("REJECTED");
        assertThat(result.getString("provider_status")).isEqualTo("PAID");
        List<LoggedRequest> checks = server.findAll(postRequestedFor(urlEqualTo("/api/v3/pg/order/status"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}")));
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.getHeader("X-API-KEY")).isEqualTo(WireMockProviders.KWIKPAISA_KEY);
            long timestamp = Long.parseLong(check.getHeader("X-TIMESTAMP"));
            assertThat(check.getHeader("X-SIGNATURE")).isEqualTo(KwikPaisaSigner.sign(
                    WireMockProviders.KWIKPAISA_SECRET, check.getBodyAsString(), timestamp));
        });
    }

    @Test
    void aProviderSlowToAnswerItsStatusCheckHoldsUpNoOtherProvidersChecks() {
        String order = unique("kp-slow");
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))
                .willReturn(kwikPaisa(order, "PROCESSING")));
        // A check at this provider takes 10 s (its read timeout is 30 s).
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/status"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))
                .willReturn(kwikPaisa(order, "PAID").withFixedDelay(10_000)));
        String payment = unique("hs-quick");
        stubHyperswitchCancel(payment, "processing");
        server.stubFor(get(urlEqualTo("/payments/" + payment + "?force_sync=true"))
                .willReturn(payment(payment, "cancelled")));
        String slow = unique("sync-slow");
        String quick = unique("sync-quick");

        cancel(Map.of("request_id", slow, "provider", "kwikpaisa", "reference", order)).statusCode(202);
        await().atMost(SYNCED).pollInterval(Duration.ofMillis(50)).until(() -> !server.findAll(
                postRequestedFor(urlEqualTo("/api/v3/pg/order/status"))
                        .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))).isEmpty());
        cancel(Map.of("request_id", quick, "provider", "hyperswitch", "reference", payment)).statusCode(202);

        // Due 2 s after its cancel and checked at the next polls, while the slow check still waits for its answer.
        JsonPath result = awaitSyncState(quick, "FINAL", Duration.ofSeconds(8));
        assertThat(result.getString("outcome")).isEqualTo("CANCELLED");
        JsonPath stillChecking = JsonPath.from(given().header("X-Api-Key", API_KEY)
                .when().get("/api/v1/cancellations/" + slow).then().statusCode(200).extract().asString());
        assertThat(stillChecking.getString("sync_state")).isEqualTo("FOLLOWING");
        assertThat(stillChecking.getInt("status_checks")).isZero();
        assertThat(awaitSyncState(slow, "FINAL").getString("outcome")).isEqualTo("REJECTED");
    }

    @Test
    void aProviderWithMoreStalledChecksThanPlacesLeavesPlacesForTheOthers() {
        String order = unique("kp-stalled");
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))
                .willReturn(kwikPaisa(order, "PROCESSING")));
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/status"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))
                .willReturn(kwikPaisa(order, "PAID").withFixedDelay(8_000)));
        String payment = unique("hs-after-stalled");
        stubHyperswitchCancel(payment, "processing");
        server.stubFor(get(urlEqualTo("/payments/" + payment + "?force_sync=true"))
                .willReturn(payment(payment, "cancelled")));
        // As many due results as cancel.sync.concurrency (8): they would take every place.
        List<String> stalled = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stalled.add(unique("sync-stalled"));
            cancel(Map.of("request_id", stalled.get(i), "provider", "kwikpaisa", "reference", order)).statusCode(202);
        }
        // Six of them are checked: two places stay kept for the two other followed providers.
        await().atMost(SYNCED).pollInterval(Duration.ofMillis(50)).until(() -> server.findAll(
                postRequestedFor(urlEqualTo("/api/v3/pg/order/status"))
                        .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))).size() >= 6);
        String quick = unique("sync-after-stalled");
        cancel(Map.of("request_id", quick, "provider", "hyperswitch", "reference", payment)).statusCode(202);

        JsonPath result = awaitSyncState(quick, "FINAL", Duration.ofSeconds(6));
        assertThat(result.getString("outcome")).isEqualTo("CANCELLED");
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/v3/pg/order/status"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}")))).hasSize(6);
        // The provider recovers: its other checks follow once its first ones end.
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/status"))
                .withRequestBody(equalToJson("{\"order_id\":\"" + order + "\"}"))
                .willReturn(kwikPaisa(order, "PAID")));
        for (String requestId : stalled) {
            assertThat(awaitSyncState(requestId, "FINAL").getString("outcome")).isEqualTo("REJECTED");
        }
    }

    @Test
    void aCancelThatTimedOutIsFollowedAndFoundCancelled() {
        String payment = unique("slow");
        server.stubFor(post(urlEqualTo("/payments/" + payment + "/cancel"))
                .willReturn(payment(payment, "cancelled").withFixedDelay(1500)));
        server.stubFor(get(urlEqualTo("/payments/" + payment + "?force_sync=true"))
                .willReturn(payment(payment, "cancelled")));
        String requestId = unique("sync-timeout");

        cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", payment)).statusCode(504)
                .body("outcome", org.hamcrest.Matchers.equalTo("ERROR"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"));
        JsonPath result = awaitSyncState(requestId, "FINAL");

        assertThat(result.getString("outcome")).isEqualTo("CANCELLED");
        assertThat(result.getBoolean("retryable")).isFalse();
        assertThat(result.getString("error")).isNull();
    }

    @Test
    void aProviderDownUntilTheDeadlineLeavesTheOutcomeAndExpires() {
        String payment = unique("down");
        stubHyperswitchCancel(payment, "processing");
        server.stubFor(get(urlEqualTo("/payments/" + payment + "?force_sync=true"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"code\":\"HE_00\"}}")));
        String requestId = unique("sync-down");

        cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", payment)).statusCode(202);
        JsonPath result = awaitSyncState(requestId, "EXPIRED");

        assertThat(result.getString("outcome")).isEqualTo("PENDING");
        assertThat(result.getString("provider_status")).isEqualTo("processing");
        assertThat(result.getInt("status_checks")).isGreaterThanOrEqualTo(3);
        assertThat(result.getString("synced_at")).isNull();
        assertThat(result.getString("next_check_at")).isNull();
        assertThat(attemptKinds(requestId)).first().isEqualTo("cancel");
        assertThat(attemptKinds(requestId)).filteredOn("status"::equals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Operations.given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("cancel_sync_total\\{outcome=\"ERROR\",provider=\"hyperswitch\"\\} [1-9]");
    }

    @Test
    void aSyncAskedForChecksNowAndAnswersTheUpdatedResult() {
        String payment = unique("ask");
        String requestId = pendingHyperswitchCancel(payment, "cancelled");

        syncNow(requestId).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("FINAL"))
                .body("status_checks", org.hamcrest.Matchers.equalTo(1));

        syncNow(requestId).statusCode(409).body("error", org.hamcrest.Matchers.equalTo("not_followed"));
        given().header("X-Api-Key", API_KEY).queryParam("sync_state", "FINAL").queryParam("reference", payment)
                .when().get("/api/v1/cancellations").then().statusCode(200)
                .body("items.request_id", org.hamcrest.Matchers.contains(requestId));
        given().header("X-Api-Key", API_KEY).queryParam("sync_state", "FOLLOWING").queryParam("reference", payment)
                .when().get("/api/v1/cancellations").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        given().header("X-Api-Key", API_KEY).queryParam("sync_state", "SOMETIMES")
                .when().get("/api/v1/cancellations").then().statusCode(400);
    }

    @Test
    void aSyncAskedAgainSoonAfterACheckIsRefusedWithoutAskingTheProvider() {
        String payment = unique("again");
        String requestId = pendingHyperswitchCancel(payment, "processing");
        syncNow(requestId).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"))
                .body("status_checks", org.hamcrest.Matchers.equalTo(1));

        // Still followed, but checked a moment ago: a caller asking in a loop does not reach the status API.
        String retryAfter = syncNow(requestId).statusCode(429)
                .body("error", org.hamcrest.Matchers.equalTo("sync_too_soon"))
                .body("detail", org.hamcrest.Matchers.containsString(requestId))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 10L);
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/payments/" + payment + "?force_sync=true"))))
                .hasSize(1);
        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/" + requestId)
                .then().statusCode(200)
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"))
                .body("status_checks", org.hamcrest.Matchers.equalTo(1));
    }

    /** A Hyperswitch void answered as still processing, whose status API will answer {@code statusFound}. */
    private String pendingHyperswitchCancel(String payment, String statusFound) {
        stubHyperswitchCancel(payment, "processing");
        server.stubFor(get(urlEqualTo("/payments/" + payment + "?force_sync=true"))
                .willReturn(payment(payment, statusFound)));
        String requestId = unique("sync-" + payment);
        cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", payment)).statusCode(202);
        return requestId;
    }

    private static ValidatableResponse syncNow(String requestId) {
        return given().header("X-Api-Key", API_KEY).when().post("/api/v1/cancellations/" + requestId + "/sync").then();
    }

    @Test
    void aJmsCallerHearsOfTheChangeOnTheQueueItsAnswerWentTo() throws Exception {
        String fulfillment = unique("ful");
        String order = unique("po");
        stubPayoutCancel(fulfillment);
        stubPayoutOrder(order, fulfillment, "SUCCESS");
        String replies = "erp.replies.sync-" + unique("q");
        String correlation = unique("corr");

        try (ErpJmsClient erp = ErpJmsClient.connect()) {
            erp.sendText(json(payout(unique("jms-sync"), fulfillment, order)), message -> {
                try {
                    message.setJMSReplyTo(erp.queue(replies));
                    message.setJMSCorrelationID(correlation);
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            Message first = erp.receive(replies, ErpJmsClient.correlatedWith(correlation), Duration.ofSeconds(10));
            Message update = erp.receive(replies, ErpJmsClient.correlatedWith(correlation), SYNCED);

            assertThat(first).isNotNull();
            assertThat(first.propertyExists("update")).isFalse();
            assertThat(JsonPath.from(ErpJmsClient.text(first)).getString("outcome")).isEqualTo("PENDING");
            assertThat(update).as("the update message").isNotNull();
            assertThat(update.getBooleanProperty("update")).isTrue();
            assertThat(update.getStringProperty("outcome")).isEqualTo("REJECTED");
            JsonPath updated = JsonPath.from(ErpJmsClient.text(update));
            assertThat(updated.getString("outcome")).isEqualTo("REJECTED");
            assertThat(updated.getString("provider_status")).isEqualTo("SUCCESS");
            assertThat(updated.getString("sync_state")).isEqualTo("FINAL");
            assertThat(erp.receive(replies, null, Duration.ofSeconds(3))).as("nothing more").isNull();
        }
    }

    @Test
    void aFileCallerGetsAnUpdatesFileWithTheChangedResults() throws IOException {
        String fulfillment = unique("ful");
        String order = unique("po");
        stubPayoutCancel(fulfillment);
        stubPayoutOrder(order, fulfillment, "CANCELLED");
        String requestId = unique("file-sync");
        String name = unique("sync") + ".csv";
        List<Path> known = new ArrayList<>();

        Inbox.drop(name, "request_id,provider,merchant_id,reference,customer_id,parent_reference\n" + requestId
                + ",juspay-payout," + PAYOUT_MERCHANT + "," + fulfillment + ",cust_1," + order + "\n");
        List<CSVRecord> results = Inbox.awaitResults(name, ',', known);
        assertThat(results).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("PENDING");
            assertThat(row.get("parent_reference")).isEqualTo(order);
        });
        CSVRecord update = awaitUpdate(requestId);

        assertThat(update.getParser().getHeaderNames()).isEqualTo(CsvResultWriter.UPDATE_COLUMNS);
        assertThat(update.get("row")).isEmpty();
        assertThat(update.get("outcome")).isEqualTo("CANCELLED");
        assertThat(update.get("sync_state")).isEqualTo("FINAL");
        assertThat(update.get("reference")).isEqualTo(fulfillment);
        assertThat(update.get("parent_reference")).isEqualTo(order);
        try (Stream<Path> outbox = Files.list(Inbox.outbox())) {
            assertThat(outbox.map(file -> file.getFileName().toString()).filter(file -> file.startsWith("updates-")))
                    .allMatch(file -> file.matches("updates-\\d{8}-\\d{6}(-\\d{8}-\\d{6}-\\d{3})?\\.results\\.csv"));
        }
    }

    static Map<String, Object> payout(String requestId, String fulfillment, String order) {
        Map<String, Object> request = new HashMap<>(Map.of("request_id", requestId, "provider", "juspay-payout",
                "merchant_id", PAYOUT_MERCHANT, "reference", fulfillment, "customer_id", "cust_1"));
        if (order != null) {
            request.put("parent_reference", order);
        }
        return request;
    }

    static void stubPayoutCancel(String fulfillment) {
        server.stubFor(post(urlEqualTo("/payout/merchant/v1/fulfillment/" + fulfillment + "/cancel"))
                .willReturn(aResponse().withStatus(200).withBody(SCHEDULED)));
    }

    /** The payout order holding the fulfillment (and another one, paid out), as Juspay's order status answers it. */
    static void stubPayoutOrder(String order, String fulfillment, String status) {
        server.stubFor(get(urlEqualTo("/payout/merchant/v1/orders/" + order + "?expand=fulfillment"))
                .willReturn(aResponse().withStatus(200).withBody("{\"orderId\":\"" + order + "\","
                        + "\"status\":\"FULFILLMENTS_SCHEDULED\",\"updatedAt\":\"2025-01-16T08:11:41Z\","
                        + "\"type\":\"FULFILL_ONLY\",\"fulfillments\":["
                        + "{\"id\":\"" + fulfillment + "-sibling\",\"status\":\"SUCCESS\","
                        + "\"updatedAt\":\"2025-01-16T08:10:00Z\"},"
                        + "{\"id\":\"" + fulfillment + "\",\"status\":\"" + status + "\","
                        + "\"updatedAt\":\"2025-01-16T08:12:02Z\"}],\"payments\":[],\"refunds\":[]}")));
    }

    static void stubHyperswitchCancel(String payment, String status) {
        server.stubFor(post(urlEqualTo("/payments/" + payment + "/cancel")).willReturn(payment(payment, status)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder payment(String payment, String status) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"payment_id\":\"" + payment + "\",\"status\":\"" + status
                        + "\",\"modified_at\":\"2026-05-13T03:44:00Z\"}");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder kwikPaisa(String order, String status) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"200\",\"status\":\"success\",\"message\":\"Order status fetched successfully.\","
                        + "\"return_data\":{\"kwikX_order_id\":\"kp_1\",\"order_id\":\"" + order + "\","
                        + "\"order_amount\":\"105.00\",\"currency\":\"INR\",\"order_status\":\"" + status + "\"}}");
    }

    static JsonPath awaitSyncState(String requestId, String state) {
        return awaitSyncState(requestId, state, SYNCED);
    }

    static JsonPath awaitSyncState(String requestId, String state, Duration atMost) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = JsonPath.from(given().header("X-Api-Key", API_KEY)
                    .when().get("/api/v1/cancellations/" + requestId).then().statusCode(200).extract().asString());
            return state.equals(last[0].getString("sync_state"));
        });
        return last[0];
    }

    static List<String> attemptKinds(String requestId) {
        return given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/" + requestId + "/attempts")
                .then().statusCode(200).extract().jsonPath().getList("items.kind", String.class);
    }

    static CSVRecord awaitUpdate(String requestId) {
        CSVRecord[] found = new CSVRecord[1];
        await().atMost(SYNCED).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Stream<Path> files = Files.list(Inbox.outbox())) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("updates-")).toList()) {
                    for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                            .parse(new StringReader(Files.readString(file))).getRecords()) {
                        if (requestId.equals(record.get("request_id"))) {
                            found[0] = record;
                        }
                    }
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    static String json(Map<String, Object> request) {
        StringBuilder json = new StringBuilder("{");
        request.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
                .append("\":\"").append(value).append('"'));
        return json.append('}').toString();
    }
}
