package io.cancelgateway.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Warm-up rounds until the service runs compiled code: a HotSpot JVM on two cores compiles the hot paths of a new kind
 * of load for a minute or more, and a phase measured meanwhile counts that compiling as the cost of serving. A round is
 * repeated until the JIT compiler threads took less than {@link #SETTLED} of the service's CPU in it, or the time is up.
 */
final class WarmUp {

    /** Compiler threads' share of the service's CPU in a round under which the code counts as compiled. */
    static final double SETTLED = 0.05;

    @FunctionalInterface
    interface Round {
        /** Runs round {@code index} (0, 1, ...), so that each round can send requests of its own. */
        void run(int index) throws Exception;
    }

    private WarmUp() {
    }

    /** Runs rounds until settled or {@code atMost} has passed; says how it went in one line. */
    static String untilCompiled(ProcessGauges service, Duration atMost, Round round) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        int rounds = 0;
        double share;
        do {
            double cpu = service.cpuSeconds();
            double compiler = service.compilerCpuSeconds();
            round.run(rounds);
            rounds++;
            share = share(service.compilerCpuSeconds() - compiler, service.cpuSeconds() - cpu);
        } while (share >= SETTLED && System.nanoTime() < deadline);
        return String.format(Locale.ROOT, "%d round%s, the JIT compilers' share of the last one %.0f %%%s", rounds,
                rounds == 1 ? "" : "s", 100 * share, share < SETTLED ? "" : " (not settled in " + atMost + ")");
    }

    static double share(double compilerCpuSeconds, double serviceCpuSeconds) {
        return serviceCpuSeconds > 0 ? compilerCpuSeconds / serviceCpuSeconds : 0;
    }
}
