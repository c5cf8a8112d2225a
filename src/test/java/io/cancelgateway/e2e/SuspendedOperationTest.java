package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.API_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** An operation suspended (as while the service stops) answers a JSON error, like every other refusal. */
@QuarkusTest
class SuspendedOperationTest {

    /** The list operation's route: the REST DSL runs its direct route inline, under that route's id. */
    private static final String LIST_ROUTE = "rest-list";

    @Inject
    CamelContext camel;

    @Test
    void aSuspendedOperationAnswers503WithAJsonErrorAndTheOthersGoOn() throws Exception {
        camel.getRouteController().suspendRoute(LIST_ROUTE);
        try {
            assertThat(camel.getRouteController().getRouteStatus(LIST_ROUTE).isSuspended()).isTrue();
            given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations").then()
                    .statusCode(503)
                    .header("Cache-Control", "no-store")
                    .contentType("application/json")
                    .body("error", equalTo("service_unavailable"))
                    .body("detail", containsString("nothing was processed"));
            given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/no-such-request").then()
                    .statusCode(404);
        } finally {
            camel.getRouteController().resumeRoute(LIST_ROUTE);
        }
        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations").then().statusCode(200);
    }
}
