package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.cancel;
import static io.cancelgateway.e2e.RestCancelTest.request;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.cancelgateway.flow.CancelRequestValidator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What operations rely on: health, Prometheus metrics and the OpenAPI document, on the management interface only.
 */
@QuarkusTest
class OperationsTest {

    @Test
    void healthIsUp() {
        Operations.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Operations.given().when().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
        Operations.given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountCancelsAndTimeProviderCalls() {
        cancel(request("kwikpaisa", unique("metric"))).statusCode(200);
        cancel(request("hyperswitch", unique("missing-"))).statusCode(404);

        Operations.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("cancel_requests_total{channel=\"rest\",outcome=\"CANCELLED\",provider=\"kwikpaisa\",replayed=\"false\"}"))
                .body(containsString("cancel_requests_total{channel=\"rest\",outcome=\"NOT_FOUND\",provider=\"hyperswitch\",replayed=\"false\"}"))
                .body(containsString("cancel_provider_calls_seconds_count{provider=\"kwikpaisa\"}"));
    }

    @Test
    void theOpenApiDocumentDescribesTheModelOutcomesAndStatuses() {
        Operations.given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/cancellations'.post.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "202", "400", "401", "404", "409", "413", "415", "422",
                                "429", "502", "503", "504"))
                .body("components.schemas.Outcome.enum", org.hamcrest.Matchers.contains("CANCELLED",
                        "ALREADY_CANCELLED", "PENDING", "REJECTED", "NOT_FOUND", "INVALID", "AUTH_FAILED", "ERROR"))
                .body("components.schemas.CancelRequest.required", org.hamcrest.Matchers.contains("reference"))
                .body("components.schemas.CancelResult.properties.keySet()", org.hamcrest.Matchers.hasItems(
                        "request_id", "outcome", "retryable", "http_status", "cancelled_at", "attempts", "channel",
                        "replayed", "sync_state", "next_check_at", "synced_at", "status_checks"))
                .body("components.schemas.CancelRequest.properties.keySet()",
                        org.hamcrest.Matchers.hasItem("parent_reference"))
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/api/v1/cancellations/{request_id}",
                        "/api/v1/cancellations/{request_id}/attempts", "/api/v1/cancellations/{request_id}/retry",
                        "/api/v1/cancellations/{request_id}/sync"));
    }

    @Test
    void theOpenApiDocumentsRequestIdPatternIsTheValidatorsOwn() {
        String pattern = Operations.given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath()
                .getString("components.schemas.CancelRequest.properties.request_id.pattern");
        for (String id : List.of("req-1", "a", "A.b_c:d-e", "0", ".hidden", ":x", "_x", "-leading", "has space", "a/b",
                "caf\u00e9", "a\\b", "x\n", "")) {
            assertThat(Pattern.matches(pattern, id)).as(id).isEqualTo(CancelRequestValidator.usableRequestId(id));
        }
    }

    @Test
    void everyOperationDescribesRefusedAuthenticationItsWaitAndUnavailability() {
        var document = Operations.given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String where = operation.getKey() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                var responses = (Map<String, Map<String, Object>>) operation.getValue().get("responses");
                assertThat(responses).as(where).containsKeys("401", "429", "500", "503");
                assertThat(responses.get("401").get("$ref")).as(where)
                        .isEqualTo("#/components/responses/Unauthorized");
                // Its own 429 (sync_too_soon) names the refused authentication too.
                Map<String, Object> tooMany = responses.get("429");
                assertThat("#/components/responses/TooManyAuthFailures".equals(tooMany.get("$ref"))
                        || String.valueOf(tooMany.get("description")).contains("too_many_auth_failures"))
                        .as(where + ": " + tooMany).isTrue();
                operations++;
            }
        }
        assertThat(operations).isEqualTo(6);
        assertThat(document.getMap("components.responses.TooManyAuthFailures.headers")).containsKey("Retry-After");
        assertThat(document.getString("components.responses.TooManyAuthFailures.description"))
                .contains("too_many_auth_failures");
    }

    @Test
    void thePublicPortServesNoOperationsPath() {
        for (String path : new String[] { "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            given().when().get(path).then().statusCode(404);
        }
        given().header("X-Api-Key", RestCancelTest.API_KEY).when().get("/api/v1/cancellations").then()
                .statusCode(200);
        assertThat(Operations.port())
                .isNotEqualTo(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("quarkus.http.test-port", Integer.class));
    }
}
