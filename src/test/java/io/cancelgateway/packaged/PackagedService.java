package io.cancelgateway.packaged;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cancelgateway.provider.Provider;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar) run as a separate process, as an operator runs it. Public
 * for the benchmark, which measures this same process.
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;
    private final Path output;
    public final int port;
    /** The management interface's port: health, metrics, OpenAPI. */
    public final int managementPort;

    private PackagedService(Process process, Path output, int port, int managementPort) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts the jar with a 256 MB heap and the given system properties, on their {@code quarkus.http.port} or else a
     * free port; does not wait for it to be ready.
     */
    public static PackagedService start(Map<String, String> properties) throws IOException {
        return start(List.of("-Xmx256m"), properties);
    }

    /** Starts the jar with the given JVM options (heap, flight recorder...) and system properties. */
    public static PackagedService start(List<String> jvmOptions, Map<String, String> properties) throws IOException {
        int port = properties.containsKey("quarkus.http.port") ? Integer.parseInt(properties.get("quarkus.http.port"))
                : freePort();
        Path jar = Path.of(System.getProperty("cancel.packaged-app", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the tests with ./mvnw verify");
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("quarkus.http.port", String.valueOf(port));
        all.put("quarkus.management.port", String.valueOf(freePort()));
        if (!properties.containsKey("cancel.data-dir")) {
            all.put("cancel.data-dir", Files.createTempDirectory("cancel-gateway-data-").toString());
        }
        all.putAll(properties);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        all.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path output = Files.createTempFile("cancel-gateway-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CANCEL_") || name.startsWith("QUARKUS_"));
        return new PackagedService(builder.start(), output, port,
                Integer.parseInt(all.get("quarkus.management.port")));
    }

    /**
     * Properties that run the packaged service on the port, against its own simulator there with the development keys,
     * its embedded JMS broker on a free port.
     */
    public static Map<String, String> withSimulator(int port) throws IOException {
        String simulator = "http://localhost:" + port + "/simulator";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", String.valueOf(port));
        properties.put("cancel.api.keys", "it-key");
        properties.putAll(embeddedBroker());
        properties.put("cancel.simulator.enabled", "true");
        properties.put("cancel.providers.juspay-order.base-url", simulator + "/juspay");
        properties.put("cancel.providers.juspay-order.api-key", "sim_juspay_key");
        properties.put("cancel.providers.juspay-order.merchant-id", "sim_merchant");
        properties.put("cancel.providers.juspay-payout.base-url", simulator + "/juspay");
        properties.put("cancel.providers.juspay-payout.api-key", "sim_juspay_key");
        properties.put("cancel.providers.juspay-payout.merchant-id", "sim_merchant");
        properties.put("cancel.providers.kwikpaisa.base-url", simulator + "/kwikpaisa");
        properties.put("cancel.providers.kwikpaisa.api-key", "pk_sim_kwikpaisa");
        properties.put("cancel.providers.kwikpaisa.secret-key", "sk_sim_kwikpaisa");
        properties.put("cancel.providers.hyperswitch.base-url", simulator + "/hyperswitch");
        properties.put("cancel.providers.hyperswitch.api-key", "snd_sim_hyperswitch");
        return properties;
    }

    /** As {@link #withSimulator(int)} on a free port, with everything the service writes under {@code dataDir}. */
    public static Map<String, String> withSimulator(Path dataDir) throws IOException {
        Map<String, String> properties = withSimulator(freePort());
        properties.put("cancel.data-dir", dataDir.toString());
        return properties;
    }

    /**
     * Claims taken over once older than {@code staleAfter}, every provider's deadline set to {@code deadline}: the
     * service refuses to start with a deadline as long as the takeover's time.
     */
    static void claimsStaleAfter(Map<String, String> properties, Duration staleAfter, Duration deadline) {
        properties.put("cancel.idempotency.stale-after", staleAfter.toMillis() + "ms");
        for (Provider provider : Provider.values()) {
            properties.put("cancel.providers." + provider.id() + ".deadline", deadline.toMillis() + "ms");
        }
    }

    /** The embedded JMS broker on a free port, with the user the service and the tests connect with. */
    static Map<String, String> embeddedBroker() throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.artemis.url", "tcp://localhost:" + freePort());
        properties.put("quarkus.artemis.username", "it-user");
        properties.put("quarkus.artemis.password", "it-password");
        return properties;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until /q/health/ready answers 200, failing early if the process dies. */
    public void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            // Short, so that the benchmark's startup-to-ready figure is not rounded up by much.
            Thread.sleep(20);
        }
        throw new IllegalStateException("the service was not ready within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the service did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Stops the service as an operator does (SIGTERM, a graceful shutdown) and waits for it to exit. */
    public void stop(Duration timeout) throws InterruptedException {
        signalStop();
        awaitExit(timeout);
    }

    /** Asks the service to stop (SIGTERM) without waiting for it. */
    void signalStop() {
        process.destroy();
    }

    /** Kills the service without any shutdown (SIGKILL), as a crash or the kernel's OOM killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The URI of a path: operations paths ({@code /q/...}) on the management port, every other on the public one. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + (path.startsWith("/q/") ? managementPort : port) + path);
    }

    /** The URI of a path on the public port, whatever it is. */
    public URI publicUri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(output);
    }
}
