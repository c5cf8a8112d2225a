package io.cancelgateway.jms;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.cancelgateway.packaged.DirectoryTree;
import io.cancelgateway.packaged.PackagedService;

/**
 * A standalone Artemis broker run as a separate process, as an operator runs the company's broker: an instance is
 * created with {@code artemis create} from the distribution the build unpacks (system property {@code artemis.home}),
 * given the address settings, addresses and least-privilege settings the README tells operators to apply
 * ({@value #ADDRESS_SETTINGS}, {@value #ADDRESSES}, {@value #SECURITY_SETTINGS}, {@value #CORE_SETTINGS},
 * {@value #ROLES}, with the gateway's broker plugins in the instance's {@code lib}), and started with
 * {@code artemis run} on a free port of the loopback interface. It requires a login: the service's user, and the
 * client users asked for (the README's example clients, {@code erp-a} and {@code erp-b}). {@link #close()} stops it and
 * deletes the instance.
 */
public final class StandaloneArtemis implements AutoCloseable {

    /** The broker.xml address settings for the request queue, exactly as the README shows them. */
    public static final String ADDRESS_SETTINGS = "/artemis/cancel-address-settings.xml";
    /** The broker.xml addresses of the channel's queues and dead-letter queue, exactly as the README shows them. */
    public static final String ADDRESSES = "/artemis/cancel-addresses.xml";
    /** The broker.xml security settings of the service's and the clients' users, exactly as the README shows them. */
    public static final String SECURITY_SETTINGS = "/artemis/cancel-security-settings.xml";
    /** The broker.xml validated user and broker plugins, exactly as the README shows them. */
    public static final String CORE_SETTINGS = "/artemis/cancel-core-settings.xml";
    /** The roles of the service's and the clients' users, exactly as the README shows them. */
    public static final String ROLES = "/artemis/cancel-roles.properties";
    /** The gateway's broker plugins, as the build packages them for an external broker. */
    static final List<Class<?>> BROKER_PLUGINS = List.of(RequestSizeLimit.class, ClientQueueNames.class);

    private static final Logger LOG = System.getLogger(StandaloneArtemis.class.getName());
    private static final String HOST = "127.0.0.1";
    private static final String USER = "cancel-gateway";
    /** Logged by Artemis once the broker accepts connections. */
    private static final String ACTIVE = "AMQ221007";
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /**
     * A small heap and the quick compiler alone, so the broker fits beside the build and the service on a 2-core
     * machine and starts sooner; replaces the instance profile's defaults (-Xms512M, more than this -Xmx).
     */
    private static final String BROKER_JAVA_ARGS = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
            + "-Dlog4j2.disableJmx=true --add-opens java.base/jdk.internal.misc=ALL-UNNAMED";
    private static final String CREATE_JAVA_ARGS = "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final Path directory;
    private final Path log;
    private final Process process;
    private final int port;
    private final String password;
    /** Kills the broker if the test JVM exits without closing it, so no broker outlives the build. */
    private final Thread orphanGuard;

    private StandaloneArtemis(Path directory, Path log, Process process, int port, String password) {
        this.directory = directory;
        this.log = log;
        this.process = process;
        this.port = port;
        this.password = password;
        this.orphanGuard = new Thread(process::destroyForcibly, "standalone-artemis-orphan-guard");
        Runtime.getRuntime().addShutdownHook(orphanGuard);
    }

    /** Creates and starts a broker with the service's user only, and returns once it accepts connections. */
    public static StandaloneArtemis start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * Creates and starts a broker with client users as well (user to password; {@value #ROLES} gives them their
     * roles), and returns once it accepts connections.
     */
    public static StandaloneArtemis start(Map<String, String> clientUsers) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path home = distribution();
        Path directory = Files.createTempDirectory("cancel-artemis-");
        StandaloneArtemis broker = null;
        try {
            Path instance = directory.resolve("broker");
            int port = PackagedService.freePort();
            String password = UUID.randomUUID().toString();
            create(home, instance, port, password, directory.resolve("create.log"));
            long createMillis = millisSince(started);
            applyChannelConfiguration(instance.resolve("etc").resolve("broker.xml"));
            applyClientUsers(instance.resolve("etc"), clientUsers);
            installBrokerPlugins(instance.resolve("lib"));
            Path log = directory.resolve("broker.log");
            Process process = artemisProcess(List.of(instance.resolve("bin").resolve("artemis").toString(), "run"),
                    BROKER_JAVA_ARGS, log);
            broker = new StandaloneArtemis(directory, log, process, port, password);
            broker.awaitActive();
            LOG.log(Level.INFO, "standalone Artemis broker active on {0} after {1} ms (instance created in {2} ms)",
                    broker.url(), millisSince(started), createMillis);
            return broker;
        } catch (IOException | RuntimeException | InterruptedException failed) {
            if (broker != null) {
                broker.close();
            } else {
                DirectoryTree.delete(directory);
            }
            throw failed;
        }
    }

    /**
     * The configuration that points the service's JMS channel at this broker, as {@code -D} properties of the packaged
     * service or a Quarkus test's overrides.
     */
    public Map<String, String> channelConfiguration() {
        return Map.of(
                "cancel.jms.embedded", "false",
                "quarkus.artemis.url", url(),
                "quarkus.artemis.username", user(),
                "quarkus.artemis.password", password());
    }

    /** The connection URL, {@code tcp://127.0.0.1:PORT}. */
    public String url() {
        return "tcp://" + HOST + ":" + port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** What the broker has logged so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return "(broker log unreadable: " + unreadable + ")";
        }
    }

    /** Stops the broker as an operator does (SIGTERM, a graceful shutdown), else kills it; deletes the instance. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop(process);
        Runtime.getRuntime().removeShutdownHook(orphanGuard);
        DirectoryTree.delete(directory);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Path distribution() {
        String configured = System.getProperty("artemis.home");
        if (configured == null) {
            throw new IllegalStateException("system property artemis.home is not set: run the tests with ./mvnw, "
                    + "which unpacks the Artemis distribution into target/ and sets it");
        }
        Path home = Path.of(configured);
        if (!Files.isRegularFile(home.resolve("bin").resolve("artemis"))) {
            throw new IllegalStateException("artemis.home=" + home + " holds no Artemis distribution: run "
                    + "./mvnw process-test-resources to unpack it");
        }
        return home;
    }

    private static void create(Path home, Path instance, int port, String password, Path log)
            throws IOException, InterruptedException {
        List<String> command = List.of(home.resolve("bin").resolve("artemis").toString(), "create",
                "--silent", "--require-login", "--user", USER, "--password", password,
                "--host", HOST, "--default-port", String.valueOf(port),
                "--nio", "--no-autotune", "--no-web",
                "--no-amqp-acceptor", "--no-hornetq-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                instance.toString());
        Process create = artemisProcess(command, CREATE_JAVA_ARGS, log);
        if (!create.waitFor(CREATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            create.destroyForcibly().waitFor();
            throw new IllegalStateException("artemis create did not finish within " + CREATE_TIMEOUT + ":\n"
                    + Files.readString(log));
        }
        if (create.exitValue() != 0) {
            throw new IllegalStateException("artemis create exited with " + create.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    /**
     * Adds the channel's address settings and addresses to the instance's broker.xml, beside its defaults; puts the
     * gateway's security settings in place of the default ones (everything for every user), and sets the validated
     * user, the broker plugins and a cluster password of its own (the default one is public).
     */
    private static void applyChannelConfiguration(Path brokerXml) throws IOException {
        String configuration = Files.readString(brokerXml);
        configuration = insertAfter(configuration, "<address-settings>", resource(ADDRESS_SETTINGS));
        configuration = insertAfter(configuration, "<addresses>", resource(ADDRESSES));
        int securityStart = configuration.indexOf("<security-settings>");
        String securityEnd = "</security-settings>";
        int securityStop = configuration.indexOf(securityEnd);
        if (securityStart < 0 || securityStop < securityStart) {
            throw new IllegalStateException("broker.xml has no <security-settings> section to replace");
        }
        configuration = configuration.substring(0, securityStart) + resource(SECURITY_SETTINGS).strip()
                + configuration.substring(securityStop + securityEnd.length());
        configuration = insertAfter(configuration, "<core xmlns=\"urn:activemq:core\"", ">", resource(CORE_SETTINGS)
                + "<cluster-password>" + UUID.randomUUID() + "</cluster-password>");
        Files.writeString(brokerXml, configuration);
    }

    /** Adds the client users to the instance's users, and the README's roles to its roles. */
    private static void applyClientUsers(Path etc, Map<String, String> clientUsers) throws IOException {
        StringBuilder users = new StringBuilder("\n");
        clientUsers.forEach((user, password) -> users.append(user).append(" = ").append(password).append('\n'));
        Files.writeString(etc.resolve("artemis-users.properties"), users, StandardOpenOption.APPEND);
        Files.writeString(etc.resolve("artemis-roles.properties"), "\n" + resource(ROLES), StandardOpenOption.APPEND);
    }

    /** Puts the gateway's broker plugins into the instance's lib, which the broker adds to its class path. */
    private static void installBrokerPlugins(Path lib) throws IOException {
        Files.createDirectories(lib);
        Path plugins = lib.resolve("cancel-gateway-broker-plugins.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins))) {
            for (Class<?> plugin : BROKER_PLUGINS) {
                String entry = plugin.getName().replace('.', '/') + ".class";
                try (InputStream bytes = plugin.getResourceAsStream("/" + entry)) {
                    if (bytes == null) {
                        throw new IllegalStateException(entry + " is not on the test classpath");
                    }
                    jar.putNextEntry(new JarEntry(entry));
                    bytes.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
    }

    private static String insertAfter(String configuration, String section, String elements) {
        return insertAfter(configuration, section, "", elements);
    }

    /** Inserts the elements after the section's opening tag, which ends at the first {@code close} after its start. */
    private static String insertAfter(String configuration, String section, String close, String elements) {
        int at = configuration.indexOf(section);
        if (at < 0) {
            throw new IllegalStateException("broker.xml has no " + section + " section to add to");
        }
        int end = configuration.indexOf(close, at + section.length()) + close.length();
        return configuration.substring(0, end) + "\n" + elements + configuration.substring(end);
    }

    private static String resource(String name) throws IOException {
        try (InputStream resource = StandaloneArtemis.class.getResourceAsStream(name)) {
            if (resource == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(resource.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs an Artemis command on this JVM's Java, its output going to the log. */
    private static Process artemisProcess(List<String> command, String javaArgs, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("ARTEMIS_") || name.startsWith("JAVA_ARGS"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JAVA_ARGS", javaArgs);
        return builder.start();
    }

    private void awaitActive() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + ":\n" + log());
            }
            if (log().contains(ACTIVE) && accepts()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the broker was not active within " + START_TIMEOUT + ":\n" + log());
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
