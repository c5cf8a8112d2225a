package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {

    private static final long MS = 1_000_000;

    @Test
    void nearestRankOfOneToAHundredMilliseconds() {
        long[] latencies = new long[100];
        for (int i = 0; i < 100; i++) {
            latencies[99 - i] = (i + 1) * MS;
        }

        LatencyPercentiles percentiles = LatencyPercentiles.of(latencies);

        assertThat(percentiles.p50Ms()).isEqualTo(50.0);
        assertThat(percentiles.p95Ms()).isEqualTo(95.0);
        assertThat(percentiles.p99Ms()).isEqualTo(99.0);
        assertThat(latencies[0]).as("the caller's array is left as it was").isEqualTo(100 * MS);
    }

    @Test
    void aPercentileIsAMeasuredValueNeverAnInterpolation() {
        long[] sorted = {10 * MS, 20 * MS, 30 * MS};

        assertThat(LatencyPercentiles.nearestRank(sorted, 50)).isEqualTo(20 * MS);
        assertThat(LatencyPercentiles.nearestRank(sorted, 99)).isEqualTo(30 * MS);
        assertThat(LatencyPercentiles.nearestRank(sorted, 0)).isEqualTo(10 * MS);
    }

    @Test
    void aSingleRequestIsEveryPercentile() {
        LatencyPercentiles percentiles = LatencyPercentiles.of(new long[] {1_500_000});

        assertThat(percentiles).isEqualTo(new LatencyPercentiles(1.5, 1.5, 1.5));
    }

    @Test
    void noLatenciesHaveNoPercentiles() {
        assertThatThrownBy(() -> LatencyPercentiles.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
