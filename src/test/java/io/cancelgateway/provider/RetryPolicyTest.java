package io.cancelgateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    @RepeatedTest(20)
    void backsOffExponentiallyWithJitterUpToTheMaximum() {
        assertThat(policy.delayBefore(2, Optional.empty(), CLOCK).toMillis()).isBetween(100L, 200L);
        assertThat(policy.delayBefore(3, Optional.empty(), CLOCK).toMillis()).isBetween(200L, 400L);
        assertThat(policy.delayBefore(4, Optional.empty(), CLOCK).toMillis()).isBetween(400L, 800L);
        assertThat(policy.delayBefore(30, Optional.empty(), CLOCK).toMillis()).isBetween(1000L, 2000L);
    }

    @Test
    void honoursRetryAfterInSecondsAndAsDateUpToTheCap() {
        assertThat(policy.delayBefore(2, Optional.of("3"), CLOCK)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayBefore(2, Optional.of("3600"), CLOCK)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayBefore(2, Optional.of("Sat, 21 Nov 2026 10:00:04 GMT"), CLOCK))
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayBefore(2, Optional.of("Sat, 21 Nov 2026 09:00:00 GMT"), CLOCK))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(policy.delayBefore(2, Optional.of("soon"), CLOCK).toMillis()).isBetween(100L, 200L);
        assertThat(policy.delayBefore(2, Optional.of("-5"), CLOCK).toMillis()).isBetween(100L, 200L);
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("cancel.retry.max-attempts");
    }
}
