package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    @RepeatedTest(20)
    void backsOffExponentiallyWithJitterUpToTheMaximum() {
        assertThat(policy.delayBefore(2, null, CLOCK).toMillis()).isBetween(100L, 200L);
        assertThat(policy.delayBefore(3, null, CLOCK).toMillis()).isBetween(200L, 400L);
        assertThat(policy.delayBefore(4, null, CLOCK).toMillis()).isBetween(400L, 800L);
        assertThat(policy.delayBefore(30, null, CLOCK).toMillis()).isBetween(1000L, 2000L);
    }

    @Test
    void spreadsWaitsAtTheCapInsteadOfBunchingThere() {
        RetryPolicy capped = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

        long atTheCap = java.util.stream.IntStream.range(0, 1000)
                .filter(draw -> capped.delayBefore(3, null, CLOCK).toMillis() == 2000).count();

        assertThat(atTheCap).isLessThan(20);
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        assertThat(policy.delayBefore(2, "3", CLOCK)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayBefore(2, "3600", CLOCK)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayBefore(2, "Sat, 21 Nov 2026 10:00:04 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(policy.delayBefore(2, "soon", CLOCK).toMillis()).isBetween(100L, 200L);
        assertThat(policy.delayBefore(2, "-5", CLOCK).toMillis()).isBetween(100L, 200L);
    }
}
