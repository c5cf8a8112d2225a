package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.API_KEY;
import static io.cancelgateway.e2e.RestCancelTest.cancel;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cancelgateway.flow.CancelExchange;
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
        cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", "fail-at-" + step + "-x"))
                .statusCode(502)
                .body("outcome", equalTo("ERROR"))
                .body("retryable", equalTo(true));

        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/" + requestId)
                .then().statusCode(200)
                .body("outcome", equalTo("ERROR"))
                .body("error", startsWith(step.equals("resolve-provider") || step.equals("complete-cancel")
                        || step.equals("record-result") ? "the request could not be processed"
                                : "the call to hyperswitch could not be made"));
    }

    private static void failAt(String step, Exchange exchange) {
        CancelRequest request = exchange.getProperty(CancelExchange.REQUEST, CancelRequest.class);
        if (request != null && request.reference().startsWith("fail-at-" + step + "-")) {
            throw new IllegalStateException("failure injected at " + step);
        }
    }
}
