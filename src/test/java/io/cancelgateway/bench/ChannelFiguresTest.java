package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChannelFiguresTest {

    private static final PhaseMeter.Reading READING = new PhaseMeter.Reading(10, 4.0, 300.0, 1.0, 1.0);

    @Test
    void theBaselineIsItsOwnReferenceAndHasNoAddedLatency() {
        ChannelFigures baseline = ChannelFigures.of("baseline", null, 2_000, 0, 1.0, READING, null, 64, 20,
                new LatencyPercentiles(20.5, 22.0, 25.0));

        assertThat(baseline.throughput()).isEqualTo(2_000.0);
        assertThat(baseline.baseline()).isEqualTo(2_000.0);
        assertThat(baseline.ratio()).isEqualTo(1.0);
        assertThat(baseline.ideal()).isEqualTo(3_200.0);
        assertThat(baseline.ratioToIdeal()).isEqualTo(0.625);
        assertThat(baseline.addedP50Ms()).isNull();
        assertThat(baseline.cpuSecondsPer1000()).isEqualTo(2.0);
        assertThat(baseline.clientCpuSecondsPer1000()).isEqualTo(0.5);
        assertThat(baseline.jitShare()).isEqualTo(0.25);
    }

    @Test
    void aChannelIsComparedWithTheBaselineAndTheIdeal() {
        ChannelFigures baseline = ChannelFigures.of("baseline", null, 2_000, 0, 1.0, READING, null, 64, 20,
                new LatencyPercentiles(20.5, 22.0, 25.0));

        ChannelFigures rest = ChannelFigures.of("rest", null, 2_000, 3, 2.5, READING, baseline, 64, 20,
                new LatencyPercentiles(22.0, 30.0, 40.0));

        assertThat(rest.throughput()).isEqualTo(800.0);
        assertThat(rest.baseline()).isEqualTo(2_000.0);
        assertThat(rest.ratio()).isEqualTo(0.4);
        assertThat(rest.ratioToIdeal()).isEqualTo(0.25);
        assertThat(rest.addedP50Ms()).isCloseTo(1.5, within(1e-9));
        assertThat(rest.addedP99Ms()).isCloseTo(15.0, within(1e-9));
        assertThat(rest.errors()).isEqualTo(3);
        assertThat(rest.peakRssMb()).isEqualTo(300.0);
    }

    @Test
    void withoutProviderLatencyThereIsNoIdeal() {
        ChannelFigures file = ChannelFigures.of("file", null, 1_000, 0, 2.0, READING, null, 16, 0, null);

        assertThat(file.ideal()).isNull();
        assertThat(file.ratioToIdeal()).isNull();
        assertThat(file.p50Ms()).isNull();
    }

    @Test
    void aRatioNeedsBothFiguresAndAReferenceAboveZero() {
        assertThat(ChannelFigures.ratio(3.0, 4.0)).isEqualTo(0.75);
        assertThat(ChannelFigures.ratio(null, 4.0)).isNull();
        assertThat(ChannelFigures.ratio(3.0, null)).isNull();
        assertThat(ChannelFigures.ratio(3.0, 0.0)).isNull();
    }

    @Test
    void aChannelNotMeasuredSaysWhyAndHasNoFigures() {
        ChannelFigures jms = ChannelFigures.notMeasured("jms", "the packaged service has no JMS channel");

        assertThat(jms.measured()).isFalse();
        assertThat(jms.note()).isEqualTo("the packaged service has no JMS channel");
        assertThat(jms.throughput()).isNull();
        assertThat(jms.ratio()).isNull();
    }
}
