package io.cancelgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
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
