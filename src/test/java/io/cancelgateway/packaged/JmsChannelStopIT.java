package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.cancelgateway.packaged.ErpQueues.JmsResult;

/**
 * The packaged service stopped normally (SIGTERM) in the middle of a backlog of JMS requests on its embedded broker:
 * in-flight messages finish or roll back, and after a restart on the same data every request has exactly one result,
 * and only the run that answered it called the provider. (The simulator stops with the service, so a call in flight at
 * the stop may end ERROR: that is its one answer.)
 */
class JmsChannelStopIT {

    private static final int REQUESTS = 400;

    @Test
    void aNormalStopInTheMiddleOfABacklogLosesAndDuplicatesNothing(@TempDir Path dataDir) throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(dataDir);
        properties.put("cancel.simulator.latency-ms", "40");
        String run = "stop-" + UUID.randomUUID().toString().substring(0, 8);

        try (PackagedService first = PackagedService.start(properties)) {
            first.awaitReady(Duration.ofSeconds(60));
            try (ErpQueues erp = new ErpQueues(properties)) {
                erp.queueRequests(run, REQUESTS);
            }
            CancellationsApi api = new CancellationsApi(first, "it-key");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    api.get("/api/v1/cancellations?channel=jms&limit=500").json().get("items").size() >= 100);
            first.stop(Duration.ofSeconds(60));
            String log = first.output();
            assertThat(log.indexOf("embedded JMS broker stopped")).as("the broker stops after the channel")
                    .isGreaterThan(log.indexOf("Stopped jms-channel"));
        }

        try (PackagedService second = PackagedService.start(properties)) {
            second.awaitReady(Duration.ofSeconds(60));
            List<JmsResult> received = new ArrayList<>();
            try (ErpQueues erp = new ErpQueues(properties)) {
                erp.drain(run, received, REQUESTS, Duration.ofSeconds(120));
            }
            Map<String, Long> results = received.stream()
                    .collect(Collectors.groupingBy(JmsResult::requestId, Collectors.counting()));
            assertThat(results).hasSize(REQUESTS);
            assertThat(results.values()).as("one result per request").containsOnly(1L);
            // The stored result counts the calls of the run that answered; any other run would have added calls. A
            // result that may have reached the provider is followed: its status checks are attempts of their own kind.
            CancellationsApi api = new CancellationsApi(second, "it-key");
            for (String requestId : results.keySet()) {
                JsonNode attempts = api.get("/api/v1/cancellations/" + requestId + "/attempts").json().get("items");
                long calls = StreamSupport.stream(attempts.spliterator(), false)
                        .filter(attempt -> attempt.get("kind").asText().equals("cancel")).count();
                int callsOfTheAnswer = api.get("/api/v1/cancellations/" + requestId).json().get("attempts").asInt();
                assertThat(calls).as("provider calls for %s", requestId).isEqualTo((long) callsOfTheAnswer);
            }
        }
    }
}
