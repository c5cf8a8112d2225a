package io.cancelgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Diagnostic commands sent to the service's JVM with the JDK's {@code jcmd}. */
final class Jcmd {

    private final long pid;

    Jcmd(long pid) {
        this.pid = pid;
    }

    /** Runs one command and returns what it printed. */
    String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /**
     * The classes holding most of the heap after a full collection ({@code GC.class_histogram}): what the live data
     * is made of. Its first {@code lines} lines, the header included.
     */
    String liveHeapHistogram(int lines) throws IOException, InterruptedException {
        String[] all = run("GC.class_histogram").split("\n");
        List<String> kept = new ArrayList<>();
        for (String line : all) {
            if (line.startsWith(pid + ":")) {
                continue;
            }
            kept.add(line);
            if (kept.size() == lines) {
                break;
            }
        }
        String total = all[all.length - 1];
        return String.join("\n", kept) + "\n...\n" + total + "\n";
    }
}
