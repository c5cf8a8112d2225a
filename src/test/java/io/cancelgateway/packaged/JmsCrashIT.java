package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cancelgateway.jms.StandaloneArtemis;
import io.cancelgateway.packaged.ErpQueues.JmsResult;

/**
 * The packaged service killed ({@code kill -9}) in the middle of a backlog of JMS requests, then restarted on the same
 * data: every request gets exactly one result, and a request whose result was final before the crash is never sent to
 * the provider again. The provider is a stub in the test JVM, so its record of calls spans both runs. Only a request
 * in flight at the kill may be called twice: its result was not yet final, and its claim is taken over once stale.
 */
class JmsCrashIT {

    private static final int REQUESTS = 400;
    private static final int RESULTS_BEFORE_KILL = REQUESTS / 3;
    /** Slow enough that the rest of the backlog is seconds of work when the kill comes. */
    private static final int PROVIDER_LATENCY_MILLIS = 100;
    /** {@code cancel.jms.max-concurrent-consumers}: at most this many requests are in flight at the kill. */
    private static final int MAX_CONSUMERS = 16;
    private static final Duration READY = Duration.ofSeconds(60);

    @Test
    void aKillInTheMiddleOfABacklogOnTheEmbeddedBrokerLosesAndDuplicatesNothing(@TempDir Path dataDir)
            throws Exception {
        // The backlog survives the kill in the embedded broker's journal under the data directory.
        crashAndRestart("embedded", dataDir, Map.of());
    }

    @Test
    void aKillInTheMiddleOfABacklogOnAnExternalBrokerLosesAndDuplicatesNothing(@TempDir Path dataDir)
            throws Exception {
        // The broker outlives the service and returns the killed consumers' requests to the queue; with no requests
        // buffered in the service (quarkus.artemis.consumer-window-size=0) none is dead-lettered on the way.
        try (StandaloneArtemis broker = StandaloneArtemis.start()) {
            crashAndRestart("external", dataDir, broker.channelConfiguration());
        }
    }

    private static void crashAndRestart(String broker, Path dataDir, Map<String, String> brokerConfiguration)
            throws Exception {
        String run = broker + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (HyperswitchStub provider = HyperswitchStub.start(PROVIDER_LATENCY_MILLIS)) {
            Map<String, String> properties = properties(dataDir, provider, brokerConfiguration);
            List<JmsResult> results = new ArrayList<>();

            try (PackagedService first = PackagedService.start(properties)) {
                first.awaitReady(READY);
                try (ErpQueues erp = new ErpQueues(properties)) {
                    erp.queueRequests(run, REQUESTS);
                    erp.consumeUntil(run, results, RESULTS_BEFORE_KILL, Duration.ofSeconds(60));
                }
                first.kill();
            }
            Instant killed = Instant.now();
            int resultsBeforeKill = results.size();
            Set<String> finalBeforeKill = results.stream().map(JmsResult::requestId).collect(Collectors.toSet());

            int deadLetters;
            try (PackagedService second = PackagedService.start(properties)) {
                second.awaitReady(READY);
                try (ErpQueues erp = new ErpQueues(properties)) {
                    erp.drain(run, results, REQUESTS, Duration.ofSeconds(90));
                    deadLetters = erp.deadLetters(run);
                }
            }

            Map<String, Long> resultsPerRequest = results.stream()
                    .collect(Collectors.groupingBy(JmsResult::requestId, Collectors.counting()));
            Map<String, Long> calls = callsPerRequest(run, provider);
            long callsAfterRestart = provider.callsSince(killed);
            Map<String, Long> calledTwice = filter(calls, count -> count > 1);
            System.out.printf("JmsCrashIT, %s broker: queued=%d, results before the kill=%d, results after the "
                    + "restart=%d (replayed=%d), requests with a result=%d, duplicate results=%d, dead letters=%d, "
                    + "provider calls=%d (after the restart=%d), requests called twice (in flight at the kill)=%d, "
                    + "calls for the %d requests final before the kill=%d%n",
                    broker, REQUESTS, resultsBeforeKill, results.size() - resultsBeforeKill,
                    results.stream().skip(resultsBeforeKill).filter(JmsResult::replayed).count(),
                    resultsPerRequest.size(), results.size() - resultsPerRequest.size(), deadLetters,
                    calls.values().stream().mapToLong(Long::longValue).sum(), callsAfterRestart, calledTwice.size(),
                    finalBeforeKill.size(), finalBeforeKill.stream().mapToLong(calls::get).sum());

            assertThat(resultsBeforeKill).as("results before the kill").isGreaterThanOrEqualTo(RESULTS_BEFORE_KILL);
            assertThat(callsAfterRestart).as("calls made by the restarted service: the kill cut the run short")
                    .isPositive();
            assertThat(calls.keySet()).as("requests without a result")
                    .filteredOn(requestId -> !resultsPerRequest.containsKey(requestId)).isEmpty();
            assertThat(filter(resultsPerRequest, count -> count > 1)).as("requests with more than one result")
                    .isEmpty();
            assertThat(results).extracting(JmsResult::outcome).containsOnly("CANCELLED");
            assertThat(deadLetters).as("requests on the dead-letter queue").isZero();
            assertThat(finalBeforeKill).as("requests final before the kill and called again")
                    .filteredOn(requestId -> calls.get(requestId) != 1).isEmpty();
            assertThat(filter(calls, count -> count < 1 || count > 2)).as("requests called never or more than twice")
                    .isEmpty();
            assertThat(calledTwice).as("requests called twice: at most one in flight per consumer at the kill")
                    .hasSizeLessThanOrEqualTo(MAX_CONSUMERS);
        }
    }

    /** The provider's cancel calls for each request of the run, across both lives of the service. */
    private static Map<String, Long> callsPerRequest(String run, HyperswitchStub provider) {
        Map<String, Long> callsPerReference = provider.callsPerReference();
        Map<String, Long> calls = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.put(ErpQueues.requestId(run, i), callsPerReference.getOrDefault(ErpQueues.reference(run, i), 0L));
        }
        return calls;
    }

    private static Map<String, Long> filter(Map<String, Long> counts, LongPredicate keep) {
        return counts.entrySet().stream().filter(entry -> keep.test(entry.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, String> properties(Path dataDir, HyperswitchStub provider,
            Map<String, String> brokerConfiguration) throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(dataDir);
        properties.putAll(provider.providerConfiguration());
        properties.putAll(brokerConfiguration);
        // Requests in flight at the kill are taken over at restart, once their claims are stale: a redelivery that
        // still finds a claim fresh waits briefly, rolls back and comes again after the redelivery delay.
        PackagedService.claimsStaleAfter(properties, Duration.ofSeconds(4), Duration.ofSeconds(3));
        properties.put("cancel.idempotency.wait", "1s");
        return properties;
    }
}
