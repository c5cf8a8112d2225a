package io.cancelgateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.hyperswitch.HyperswitchConnector;

/** Transport failures, which no provider answer can script: nothing listening. */
class ProviderCallTest {

    @Test
    void aProviderThatCannotBeReachedIsARetryableErrorAfterEveryAttempt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<Duration> timed = new ArrayList<>();
        HyperswitchConnector connector = new HyperswitchConnector();
        ProviderCall call = new ProviderCall(connector,
                new ProviderHttpClient(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)),
                Clock.systemUTC(), timed::add);

        List<AttemptRecord> attempts = new ArrayList<>();
        CallReport report = call.execute(new CancelTarget("pay_1", null, null, null),
                new ProviderCredentials("snd_key", null), URI.create("http://127.0.0.1:" + closedPort), attempts::add);
        CancelResult result = ProviderResults.fromCall(new CancelRequest("r1", "hyperswitch", null, "pay_1", null,
                null), null, connector, report);

        assertThat(report.attempts()).isEqualTo(3);
        assertThat(timed).hasSize(3);
        assertThat(attempts).extracting(AttemptRecord::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.httpStatus()).isNull();
            assertThat(attempt.failure()).startsWith("could not reach hyperswitch");
        });
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.retryable()).isTrue();
        assertThat(result.httpStatus()).isNull();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.error()).startsWith("could not reach hyperswitch").endsWith("after 3 attempts");
        assertThat(ProviderResults.timedOut(result)).isFalse();
    }
}
