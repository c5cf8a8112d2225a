package io.cancelgateway.bench;

import java.util.ArrayList;
import java.util.List;

/** One of the goals for these 2-core machines at 20 ms latency, and whether this run met it. */
record Goal(String goal, Double value, Boolean met) {

    static List<Goal> evaluate(List<ChannelFigures> channels, QuietLatency quiet, ServiceFigures service) {
        List<Goal> goals = new ArrayList<>();
        ChannelFigures rest = find(channels, "rest");
        ChannelFigures file = find(channels, "file");
        ChannelFigures jms = find(channels, "jms");
        goals.add(atLeast("REST throughput >= 0.80 of the baseline", rest == null ? null : rest.ratio(), 0.80));
        goals.add(atLeast("file rows/s >= 0.80 of concurrency / latency", file == null ? null : file.ratioToIdeal(),
                0.80));
        goals.add(atLeast("JMS results/s >= 0.80 of concurrency / latency", jms == null ? null : jms.ratioToIdeal(),
                0.80));
        goals.add(atMost("REST gateway CPU per cancel <= 0.35 ms", gatewayCpu(rest), 0.35));
        goals.add(atMost("file gateway CPU per row <= 0.25 ms", gatewayCpu(file), 0.25));
        goals.add(atMost("JMS gateway CPU per message <= 0.40 ms", gatewayCpu(jms), 0.40));
        goals.add(atMost("REST added p50 at concurrency " + (quiet == null ? 4 : quiet.concurrency()) + " <= 3 ms",
                quiet == null ? null : quiet.addedP50Ms(), 3.0));
        goals.add(atMost("startup to ready <= 3 s", service.startupToReadySeconds(), 3.0));
        goals.add(below("idle RSS < 300 MB", service.idleRssMb(), 300.0));
        return goals;
    }

    private static Double gatewayCpu(ChannelFigures channel) {
        return channel == null ? null : channel.gatewayCpuMsPerCancel();
    }

    private static ChannelFigures find(List<ChannelFigures> channels, String name) {
        return channels.stream().filter(c -> c.channel().equals(name) && c.measured()).findFirst().orElse(null);
    }

    private static Goal atLeast(String goal, Double value, double limit) {
        return new Goal(goal, value, value == null ? null : value >= limit);
    }

    private static Goal atMost(String goal, Double value, double limit) {
        return new Goal(goal, value, value == null ? null : value <= limit);
    }

    private static Goal below(String goal, double value, double limit) {
        return new Goal(goal, value, value < limit);
    }
}
