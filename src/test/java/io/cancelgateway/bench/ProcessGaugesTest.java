package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessGaugesTest {

    @Test
    void readsThisVeryProcessFromProc() throws Exception {
        ProcessGauges gauges = new ProcessGauges(ProcessHandle.current().pid());
        double before = gauges.cpuSeconds();

        // Busy at least once (the kernel may count this process's earlier work between the two readings), then until
        // it has counted more CPU time, however busy the machine is with other work.
        long giveUp = System.nanoTime() + 30_000_000_000L;
        double sink = 0;
        do {
            for (int i = 0; i < 1_000_000; i++) {
                sink += Math.sqrt(sink + i);
            }
        } while (gauges.cpuSeconds() <= before && System.nanoTime() < giveUp);

        assertThat(sink).isPositive();
        assertThat(gauges.cpuSeconds()).isGreaterThan(before);
        assertThat(gauges.rssMb()).isGreaterThan(10);
        assertThat(gauges.peakRssMb()).isGreaterThanOrEqualTo(gauges.rssMb() - 1);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields(@TempDir Path proc) throws Exception {
        // Fields 14 and 15 (utime, stime) are 250 and 50 clock ticks.
        Files.writeString(proc.resolve("stat"),
                "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 40 0 123 456 789\n");
        Files.writeString(proc.resolve("status"), "Name:\tjava\nVmHWM:\t  409600 kB\nVmRSS:\t  204800 kB\n");

        ProcessGauges gauges = new ProcessGauges(proc, 100);

        assertThat(gauges.cpuSeconds()).isEqualTo(3.0);
        assertThat(gauges.rssMb()).isEqualTo(200.0);
        assertThat(gauges.peakRssMb()).isEqualTo(400.0);
    }

    @Test
    void theCompilerThreadsCpuIsSummedOverThemOnly(@TempDir Path proc) throws Exception {
        thread(proc, 1, "java", 500, 100);
        thread(proc, 7, "C2 CompilerThre", 300, 20);
        thread(proc, 8, "C1 CompilerThre", 40, 0);
        thread(proc, 9, "C2 CompilerThre", 60, 80);
        thread(proc, 12, "Camel (camel-1) thread #3 - Threads", 900, 10);
        thread(proc, 13, "executor-thread-1", 200, 0);

        assertThat(new ProcessGauges(proc, 100).compilerCpuSeconds()).isEqualTo(5.0);
    }

    @Test
    void theCompilerThreadsOfThisVeryProcessAreFound() throws Exception {
        assertThat(new ProcessGauges(ProcessHandle.current().pid()).compilerCpuSeconds()).isPositive();
    }

    private static void thread(Path proc, int tid, String name, int utime, int stime) throws Exception {
        Path task = Files.createDirectories(proc.resolve("task").resolve(String.valueOf(tid)));
        Files.writeString(task.resolve("stat"), tid + " (" + name + ") S 1 4242 4242 0 -1 4194560 100 0 0 0 " + utime
                + " " + stime + " 0 0 20 0 40 0 123 456 789\n");
    }

    @Test
    void theKernelsClockTicksAreKnown() {
        assertThat(ProcessGauges.clockTicksPerSecond()).isPositive();
    }
}
