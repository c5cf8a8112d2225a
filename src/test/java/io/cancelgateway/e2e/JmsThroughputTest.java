package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.ErpJmsClient.queueName;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A backlog of requests through the concurrent consumers, the provider answering after 100 ms: the consumers (8, up to
 * 16) answer 600 in 4 to 8 s, one at a time would take a minute.
 */
@QuarkusTest
@TestProfile(JmsThroughputTest.ProviderLatency.class)
class JmsThroughputTest {

    private static final int REQUESTS = 600;

    public static class ProviderLatency implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cancel.simulator.latency-ms", "100");
        }
    }

    @Test
    void aBacklogIsAnsweredByTheConsumersSideBySide() {
        String run = unique("tp-");
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add("{\"request_id\":\"" + run + "-" + i + "\",\"provider\":\"hyperswitch\",\"reference\":\""
                    + run + "-pay-" + i + "\"}");
        }
        try (ErpJmsClient erp = ErpJmsClient.connect()) {
            erp.sendAllAtOnce(requests);
            long queued = System.nanoTime();

            int answered = erp.receiveMany(queueName("result-queue"), "request_id LIKE '" + run + "-%'", REQUESTS,
                    Duration.ofSeconds(30));

            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queued);
            System.out.printf("JMS channel: %d queued requests answered in %d ms at 100 ms provider latency (%.0f/s)%n",
                    answered, millis, answered * 1000.0 / millis);
            assertThat(answered).isEqualTo(REQUESTS);
        }
    }
}
