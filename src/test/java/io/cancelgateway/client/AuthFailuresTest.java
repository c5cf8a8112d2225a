package io.cancelgateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AuthFailuresTest {

    private static final AuthFailuresConfig CONFIG = new AuthFailuresConfig() {
        @Override
        public int limit() {
            return 5;
        }

        @Override
        public Duration window() {
            return Duration.ofMinutes(1);
        }

        @Override
        public Duration blockFor() {
            return Duration.ofMinutes(5);
        }
    };

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final AuthFailures failures = new AuthFailures(metrics, CONFIG);

    @Test
    void anAddressReachingTheLimitIsRefused() {
        for (int i = 0; i < 4; i++) {
            failures.failed("rest", "10.0.0.1");
        }
        assertThat(failures.refusedFor("10.0.0.1")).isZero();

        failures.failed("rest", "10.0.0.1");

        assertThat(failures.refusedFor("10.0.0.1")).isPositive();
        assertThat(failures.refusedFor("10.0.0.2")).isZero();
        assertThat(metrics.counter("cancel.auth.failures", "channel", "rest").count()).isEqualTo(5);
    }

    @Test
    void anAddressFailingAgainAfterARefusalShorterThanTheWindowIsRefusedAgain() throws InterruptedException {
        AuthFailures shortRefusals = new AuthFailures(metrics, new AuthFailuresConfig() {
            @Override
            public int limit() {
                return 3;
            }

            @Override
            public Duration window() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration blockFor() {
                return Duration.ofSeconds(1);
            }
        });
        for (int i = 0; i < 3; i++) {
            shortRefusals.failed("rest", "10.0.0.3");
        }
        assertThat(shortRefusals.refusedFor("10.0.0.3")).isPositive();
        Thread.sleep(1_200);
        assertThat(shortRefusals.refusedFor("10.0.0.3")).isZero();

        for (int i = 0; i < 2; i++) {
            shortRefusals.failed("rest", "10.0.0.3");
        }
        assertThat(shortRefusals.refusedFor("10.0.0.3")).as("counted anew after the refusal").isZero();
        shortRefusals.failed("rest", "10.0.0.3");
        assertThat(shortRefusals.refusedFor("10.0.0.3")).isPositive();
    }

    @Test
    void addressesFillingTheTableKeepNoOtherAddressFromBeingRefused() {
        failures.failed("rest", "2001:db8::blocked");
        for (int i = 1; i < CONFIG.limit(); i++) {
            failures.failed("rest", "2001:db8::blocked");
        }
        for (int i = 0; i < AuthFailures.MAX_ADDRESSES + 5_000; i++) {
            failures.failed("rest", "2001:db8::" + Integer.toHexString(i));
        }

        for (int i = 0; i < CONFIG.limit(); i++) {
            failures.failed("rest", "2001:db8:1::guessing");
        }

        assertThat(failures.refusedFor("2001:db8:1::guessing")).as("a new address after the table filled")
                .isPositive();
        assertThat(failures.refusedFor("2001:db8::blocked")).as("an address refused before it filled").isPositive();
    }

    @Test
    void anAddressCloseToTheLimitKeepsItsCountWhileOthersFillTheTable() {
        for (int i = 1; i < CONFIG.limit(); i++) {
            failures.failed("rest", "198.51.100.7");
        }
        // Fifty sweeps: forgetting any tenth not refused, each would forget this address with one chance in ten.
        for (int i = 0; i < 6 * AuthFailures.MAX_ADDRESSES; i++) {
            failures.failed("rest", "10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF));
        }

        failures.failed("rest", "198.51.100.7");

        assertThat(failures.refusedFor("198.51.100.7")).isPositive();
    }
}
