package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.API_KEY;
import static io.cancelgateway.e2e.RestCancelTest.cancel;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.journal.JournalUnavailable;
import io.cancelgateway.model.CancelRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A failure at any step after the journal claimed a request (a defect, injected here before each step) ends the request
 * as a retryable ERROR, answered and journaled: no request stays in progress.
 */
@QuarkusTest
@TestProfile(FailedRunTest.Injected.class)
class FailedRunTest {

    /** Its own service instance: the routes get failures woven into them. */
    public static class Injected implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cancel.idempotency.wait", "2s");
        }
    }

    private static final String CANCEL_LOG = "io.cancelgateway.cancel";

    private static boolean woven;

    @Inject
    CamelContext camel;

    @BeforeEach
    void weaveFailures() throws Exception {
        if (woven) {
            return;
        }
        AdviceWith.adviceWith(camel, "cancel", route -> {
            for (String step : new String[] { "resolve-provider", "complete-cancel", "record-result" }) {
                route.weaveById(step).before().process(exchange -> failAt(step, exchange));
            }
            route.weaveById("record-result").before().process(FailedRunTest::journalFailsAtRecord);
            route.weaveById("record-result").before().process(FailedRunTest::takenOverBeforeRecord);
        });
        AdviceWith.adviceWith(camel, "cancel-at-hyperswitch", route -> {
            route.weaveById("hyperswitch-prepare").before().process(exchange -> failAt("prepare", exchange));
            route.weaveById("hyperswitch-translate").before().process(exchange -> failAt("translate", exchange));
        });
        AdviceWith.adviceWith(camel, "call-hyperswitch", route -> {
            route.weaveById("hyperswitch-request").before().process(exchange -> failAt("request", exchange));
            route.weaveById("hyperswitch-record").before().process(exchange -> failAt("record", exchange));
        });
        woven = true;
    }

    @ParameterizedTest
    @ValueSource(strings = { "resolve-provider", "prepare", "request", "record", "translate", "complete-cancel",
            "record-result" })
    void aFailureAtAnyStepEndsTheRequestAsAnError(String step) {
        String requestId = unique("failed-run-");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LogCapture capture = LogCapture.start(CANCEL_LOG, lines::add)) {
            cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", "fail-at-" + step + "-x"))
                    .statusCode(502)
                    .body("outcome", equalTo("ERROR"))
                    .body("retryable", equalTo(true));
        }

        assertThat(lines).as("the one INFO line of the cancel, with the outcome answered")
                .filteredOn(line -> line.contains("cancel request_id=" + requestId + " "))
                .singleElement().asString().contains("outcome=ERROR");

        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/" + requestId)
                .then().statusCode(200)
                .body("outcome", equalTo("ERROR"))
                .body("error", startsWith(step.equals("resolve-provider") || step.equals("complete-cancel")
                        || step.equals("record-result") ? "the request could not be processed"
                                : "the call to hyperswitch could not be made"));
    }

    @Test
    void aResultTheJournalCannotTakeIsAnsweredAsItsFailureAndNeitherLoggedNorCountedAsAnOutcome() {
        String requestId = unique("failed-record-");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LogCapture capture = LogCapture.start(CANCEL_LOG, lines::add)) {
            cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", "journal-fails-x"))
                    .statusCode(503)
                    .body("error", equalTo("journal_unavailable"));
        }

        assertThat(lines).noneMatch(line -> line.contains("cancel request_id=" + requestId + " "));
        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/" + requestId)
                .then().statusCode(202)
                .body("state", equalTo("IN_PROGRESS"));
    }

    @Test
    void aProviderRouteAddedAgainCallsItsProviderOverAnOpenConnectionPool() {
        // Advice removed the provider's routes and added them again, as reloading routes does: camel-http closed the
        // stopped endpoint's connection manager, and the new endpoint found the pool shut down.
        cancel(Map.of("provider", "hyperswitch", "reference", unique("pay_readded")))
                .statusCode(200)
                .body("outcome", equalTo("CANCELLED"));
    }

    @Test
    void aRunTakenOverBeforeItStoredItsResultIsLoggedSoAndNotCounted() {
        String requestId = unique("taken-over-");
        String counted = "cancel_requests_total{channel=\"rest\",outcome=\"CANCELLED\",provider=\"hyperswitch\",";
        double countedBefore = JmsChannelContract.seriesStarting(counted);
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LogCapture capture = LogCapture.start(CANCEL_LOG, lines::add)) {
            cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", "taken-over-x"))
                    .statusCode(200)
                    .body("outcome", equalTo("CANCELLED"));
        }

        assertThat(lines).filteredOn(line -> line.contains("cancel request_id=" + requestId + " "))
                .singleElement().asString().contains("outcome=CANCELLED").contains(" taken_over=true");
        assertThat(JmsChannelContract.seriesStarting(counted)).isEqualTo(countedBefore);
    }

    /** Another run's claim in place of this one's, as when a duplicate took the request over. */
    private static void takenOverBeforeRecord(Exchange exchange) {
        CancelRequest request = exchange.getProperty(CancelExchange.REQUEST, CancelRequest.class);
        if (request != null && request.reference().startsWith("taken-over-")) {
            exchange.setProperty(CancelExchange.CLAIM, "another-run");
        }
    }

    private static void journalFailsAtRecord(Exchange exchange) {
        CancelRequest request = exchange.getProperty(CancelExchange.REQUEST, CancelRequest.class);
        if (request != null && request.reference().startsWith("journal-fails-")) {
            throw new JournalUnavailable(new SQLException("failure injected at record-result"));
        }
    }

    private static void failAt(String step, Exchange exchange) {
        CancelRequest request = exchange.getProperty(CancelExchange.REQUEST, CancelRequest.class);
        if (request != null && request.reference().startsWith("fail-at-" + step + "-")) {
            throw new IllegalStateException("failure injected at " + step);
        }
    }
}
