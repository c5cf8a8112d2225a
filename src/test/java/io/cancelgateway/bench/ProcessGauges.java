package io.cancelgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** One process as the kernel accounts for it: CPU time and resident memory, read from /proc (Linux). */
public final class ProcessGauges {

    private final Path proc;
    private final long ticksPerSecond;

    public ProcessGauges(long pid) {
        this(Path.of("/proc", String.valueOf(pid)), clockTicksPerSecond());
    }

    ProcessGauges(Path proc, long ticksPerSecond) {
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** User plus system CPU time the process has used so far, all its threads together. */
    double cpuSeconds() throws IOException {
        return cpuSeconds(Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII));
    }

    /**
     * CPU time the JVM's JIT compiler threads have used so far: the part of {@link #cpuSeconds()} that is the JVM
     * still compiling the code under load, not the service running it. A thread that ended meanwhile is not counted.
     */
    double compilerCpuSeconds() throws IOException {
        double seconds = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (NoSuchFileException ended) {
                    continue;
                }
                // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1", ...; the kernel keeps 15 characters.
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.matches("C[12] CompilerThre.*")) {
                    seconds += cpuSeconds(stat);
                }
            }
        }
        return seconds;
    }

    private double cpuSeconds(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / (double) ticksPerSecond;
    }

    /** Resident memory now (VmRSS), in MiB. */
    double rssMb() throws IOException {
        return statusKb("VmRSS:") / 1024.0;
    }

    /** The highest resident memory since the process started (VmHWM), in MiB. */
    double peakRssMb() throws IOException {
        return statusKb("VmHWM:") / 1024.0;
    }

    private long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(proc.resolve("status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        throw new IOException(field + " missing from " + proc.resolve("status"));
    }

    /** The kernel's clock ticks per second, in which /proc reports CPU time ({@code getconf CLK_TCK}). */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(answer);
            }
        } catch (IOException | NumberFormatException noGetconf) {
            // Linux has used 100 on every common architecture for decades.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
