package io.cancelgateway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.DoubleAccumulator;

import com.sun.management.OperatingSystemMXBean;

/**
 * Measures the service process over one phase: the CPU time it used, and the highest resident memory sampled every
 * 100 ms (VmHWM cannot be used: it never goes down, so it would carry the peak of an earlier phase). Also the CPU time
 * of this benchmark's own process, which shares the machine's cores with the service.
 */
public final class PhaseMeter {

    private static final long SAMPLE_EVERY_MS = 100;

    private final ProcessGauges service;
    private final double serviceCpuAtStart;
    private final double compilerCpuAtStart;
    private final long clientCpuNanosAtStart;
    private final long startedNanos;
    private final DoubleAccumulator peakRssMb = new DoubleAccumulator(Math::max, 0);
    private final Thread sampler;
    private volatile boolean running = true;

    private PhaseMeter(ProcessGauges service) throws IOException {
        this.service = service;
        this.serviceCpuAtStart = service.cpuSeconds();
        this.compilerCpuAtStart = service.compilerCpuSeconds();
        this.clientCpuNanosAtStart = clientCpuNanos();
        this.startedNanos = System.nanoTime();
        peakRssMb.accumulate(service.rssMb());
        this.sampler = new Thread(this::sample, "bench-rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static PhaseMeter start(ProcessGauges service) throws IOException {
        return new PhaseMeter(service);
    }

    /** What the phase cost; {@code compilerCpuSeconds} is the part of the service's CPU its JIT compilers used. */
    public record Reading(double seconds, double serviceCpuSeconds, double peakRssMb, double clientCpuSeconds,
            double compilerCpuSeconds) {

        /** Service CPU seconds per 1,000 cancels. */
        double cpuSecondsPer1000(long cancels) {
            return cancels == 0 ? Double.NaN : serviceCpuSeconds / (cancels / 1000.0);
        }

        /** The JIT compilers' share of the service's CPU: near 0 once the service runs compiled code. */
        double compilerShare() {
            return WarmUp.share(compilerCpuSeconds, serviceCpuSeconds);
        }
    }

    public Reading stop() throws IOException, InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        peakRssMb.accumulate(service.rssMb());
        return new Reading((System.nanoTime() - startedNanos) / 1e9, service.cpuSeconds() - serviceCpuAtStart,
                peakRssMb.get(), (clientCpuNanos() - clientCpuNanosAtStart) / 1e9,
                service.compilerCpuSeconds() - compilerCpuAtStart);
    }

    private void sample() {
        try {
            while (running) {
                peakRssMb.accumulate(service.rssMb());
                Thread.sleep(SAMPLE_EVERY_MS);
            }
        } catch (InterruptedException | IOException stoppedOrGone) {
            // stop() ends the sampling; a process that is gone has nothing more to sample.
        }
    }

    private static long clientCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
