package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GoalTest {

    private static final PhaseMeter.Reading READING = new PhaseMeter.Reading(1, 1, 100, 0);
    private static final ServiceFigures SERVICE = new ServiceFigures(3.0, 2.0, 299.9, 5);

    @Test
    void goalsAreJudgedOnTheirOwnLimits() {
        ChannelFigures baseline = ChannelFigures.of("baseline", null, 1000, 0, 1.0, READING, null, 64, 20,
                new LatencyPercentiles(20, 21, 22));
        ChannelFigures rest = ChannelFigures.of("rest", null, 800, 0, 1.0, READING, baseline, 64, 20,
                new LatencyPercentiles(23, 25, 30));
        ChannelFigures file = ChannelFigures.of("file", null, 2559, 0, 1.0, READING, baseline, 64, 20, null);

        List<Goal> goals = Goal.evaluate(List.of(baseline, rest, file, ChannelFigures.notMeasured("jms", "none")),
                SERVICE);

        assertThat(goals).extracting(Goal::met).containsExactly(true, true, false, null, false, true);
    }
}
