package io.cancelgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Java Flight Recorder recordings of the service, one per phase, started and dumped with {@code jcmd}. */
final class FlightRecordings {

    private final long pid;
    private final Path directory;

    FlightRecordings(long pid, Path directory) throws IOException {
        this.pid = pid;
        this.directory = Files.createDirectories(directory);
    }

    void start(String phase) throws IOException, InterruptedException {
        jcmd("JFR.start", "name=" + phase, "settings=profile");
    }

    /** Stops the phase's recording and returns the file it was written to. */
    Path stop(String phase) throws IOException, InterruptedException {
        Path file = directory.resolve(phase + ".jfr").toAbsolutePath();
        jcmd("JFR.stop", "name=" + phase, "filename=" + file);
        return file;
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        new Jcmd(pid).run(command);
    }
}
