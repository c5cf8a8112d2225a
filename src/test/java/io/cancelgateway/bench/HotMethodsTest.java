package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Recording;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotMethodsTest {

    private volatile double sink;

    @Test
    void aRecordingShowsWhereTheCpuWent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spin.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            Runnable spinning = () -> spinFor(Duration.ofMillis(500));
            spinning.run();
            recording.stop();
            recording.dump(file);
        }

        HotMethods.Profile profile = HotMethods.of(file, 5);

        assertThat(profile.samples()).isPositive();
        assertThat(profile.gatewayInclusive()).extracting(HotMethods.Share::name)
                .contains("io.cancelgateway.bench.HotMethodsTest.spinFor")
                .noneMatch(name -> name.contains("$$Lambda"));
        HotMethods.Share spinning = profile.gatewayInclusive().stream()
                .filter(share -> share.name().endsWith(".spinFor")).findFirst().orElseThrow();
        assertThat(spinning.percent()).isGreaterThan(50);
        assertThat(profile.format("spin")).contains("spin: " + profile.samples() + " CPU samples",
                "hottest methods (self)", "by code area (self)", "gateway methods on the stack (inclusive)");
    }

    @Test
    void anAreaIsTheFirstThreeSegmentsOfThePackage() {
        assertThat(HotMethods.area("org.apache.camel.processor.Pipeline")).isEqualTo("org.apache.camel");
        assertThat(HotMethods.area("org.h2.mvstore.MVStore")).isEqualTo("org.h2.mvstore");
        assertThat(HotMethods.area("java.lang.String")).isEqualTo("java.lang");
        assertThat(HotMethods.area("Unnamed")).isEqualTo("Unnamed");
    }

    /** Spins for this much CPU time of its own thread, however long other work on the machine makes that take. */
    private void spinFor(Duration cpuTime) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + cpuTime.toNanos();
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        double value = sink;
        while (threads.getCurrentThreadCpuTime() < until && System.nanoTime() < giveUp) {
            for (int i = 0; i < 10_000; i++) {
                value += Math.sqrt(value + 1);
            }
        }
        sink = value;
    }
}
