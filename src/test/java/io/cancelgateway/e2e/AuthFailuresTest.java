package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.API_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Guessing keys: every failed authentication is counted and logged without the key presented, and an address with
 * too many failures is refused for a while, even with a right key.
 */
@QuarkusTest
@TestProfile(AuthFailuresTest.FiveFailures.class)
class AuthFailuresTest {

    static final String WRONG_KEY = "wrong-key-7f3a9c";

    public static class FiveFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cancel.auth-failures.limit", "5", "cancel.auth-failures.window", "1m",
                    "cancel.auth-failures.block-for", "3s");
        }
    }

    @Test
    void anAddressGuessingKeysIsCountedLoggedAndRefusedForAWhile() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LogCapture capture = LogCapture.start(lines::add)) {
            given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations").then().statusCode(200);
            for (int i = 0; i < 4; i++) {
                given().header("X-Api-Key", WRONG_KEY + i).when().get("/api/v1/cancellations").then()
                        .statusCode(401).body("error", equalTo("unauthorized"));
            }
            given().when().get("/api/v1/cancellations").then().statusCode(401);

            String retryAfter = given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations").then()
                    .statusCode(429).body("error", equalTo("too_many_auth_failures")).extract().header("Retry-After");
            assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3L);
            String metrics = Operations.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern("cancel_auth_failures_total\\{channel=\"rest\"\\} 5\\.0");
            String log = String.join("\n", lines);
            assertThat(log).contains("authentication failed on rest from").contains("refused on the REST channel")
                    .doesNotContain(WRONG_KEY).doesNotContain(API_KEY);
            assertThat(lines).filteredOn(line -> line.contains("authentication failed")).hasSize(1);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations").statusCode() == 200);
        }
    }
}
