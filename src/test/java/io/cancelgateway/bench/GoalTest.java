package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GoalTest {

    private static final PhaseMeter.Reading READING = new PhaseMeter.Reading(1, 1, 100, 0, 0);
    private static final ServiceFigures SERVICE = new ServiceFigures(3.0, 2.0, 299.9, 5);

    @Test
    void goalsAreJudgedOnTheirOwnLimits() {
        ChannelFigures baseline = ChannelFigures.of("baseline", null, 1000, 0, 1.0, READING, null, 64, 20,
                new LatencyPercentiles(20, 21, 22));
        ChannelFigures rest = ChannelFigures.of("rest", null, 800, 0, 1.0, READING, baseline, 64, 20,
                new LatencyPercentiles(23, 25, 30));
        ChannelFigures file = ChannelFigures.of("file", null, 2559, 0, 1.0, READING, baseline, 64, 20, null);

        List<Goal> goals = Goal.evaluate(List.of(baseline, rest, file, ChannelFigures.notMeasured("jms", "none")),
                QuietLatency.of(4, 100, 21.0, 24.5), SERVICE);

        // REST 0.80 of the baseline; file 2,559/s of 3,200; JMS not measured; REST's gateway CPU 1.25 - 1.00 ms, the
        // file's 0.39 - 1.00; REST adds 3.5 ms at concurrency 4; ready in 3.0 s; 299.9 MB idle.
        assertThat(goals).extracting(Goal::met)
                .containsExactly(true, false, null, true, true, null, false, true, true);
        assertThat(goals.get(3).value()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(goals.get(6).goal()).isEqualTo("REST added p50 at concurrency 4 <= 3 ms");
    }
}
