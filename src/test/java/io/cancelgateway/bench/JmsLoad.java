package io.cancelgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * Queues requests on the JMS channel's request queue as an ERP does and counts the results arriving on the result
 * queue. Sends in transactions of {@value #SEND_BATCH} persistent messages, so that sending keeps ahead of the
 * service.
 */
final class JmsLoad {

    static final String REQUEST_QUEUE = "cancel.requests";
    static final String RESULT_QUEUE = "cancel.results";

    /**
     * The Artemis JMS client comes with the JMS channel's own dependencies; it is looked up by name so that the
     * benchmark also builds, and measures the other channels, while the service has no JMS channel.
     */
    private static final String ARTEMIS_CONNECTION_FACTORY = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";

    private static final int SEND_BATCH = 100;

    private final String url;
    private final String user;
    private final String password;

    JmsLoad(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Why the JMS phase cannot run against this packaged service, if it cannot. */
    static Optional<String> unavailableBecause(Path quarkusApp) throws IOException {
        try (Stream<Path> libraries = Files.list(quarkusApp.resolve("lib").resolve("main"))) {
            if (libraries.noneMatch(jar -> jar.getFileName().toString().contains("camel-quarkus-jms-"))) {
                return Optional.of("the packaged service has no JMS channel");
            }
        }
        try {
            Class.forName(ARTEMIS_CONNECTION_FACTORY);
        } catch (ClassNotFoundException missing) {
            return Optional.of("no Artemis JMS client on the benchmark's class path");
        }
        return Optional.empty();
    }

    record Outcome(int sent, int results, double seconds, Map<String, Integer> outcomes) {
    }

    /**
     * Sends {@code count} requests made by {@code body} and waits for as many results, at most {@code atMost};
     * the time runs from the first send to the last result.
     */
    Outcome run(int count, IntFunction<String> body, Duration atMost) throws Exception {
        ConnectionFactory factory = (ConnectionFactory) Class.forName(ARTEMIS_CONNECTION_FACTORY)
                .getConstructor(String.class, String.class, String.class).newInstance(url, user, password);
        try (JMSContext receiving = factory.createContext(JMSContext.DUPS_OK_ACKNOWLEDGE);
                JMSContext sending = receiving.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue requests = sending.createQueue(REQUEST_QUEUE);
            JMSConsumer results = receiving.createConsumer(receiving.createQueue(RESULT_QUEUE));
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            long started = System.nanoTime();
            Thread sender = new Thread(() -> {
                try {
                    JMSProducer producer = sending.createProducer();
                    for (int i = 0; i < count; i++) {
                        producer.send(requests, body.apply(i));
                        if ((i + 1) % SEND_BATCH == 0 || i == count - 1) {
                            sending.commit();
                        }
                    }
                } catch (RuntimeException failed) {
                    sendFailure.set(failed);
                }
            }, "bench-jms-sender");
            sender.start();
            Map<String, Integer> outcomes = new TreeMap<>();
            int received = 0;
            long finished = started;
            long deadline = started + atMost.toNanos();
            while (received < count && System.nanoTime() < deadline && sendFailure.get() == null) {
                Message result = results.receive(500);
                if (result != null) {
                    received++;
                    finished = System.nanoTime();
                    outcomes.merge(outcome(result), 1, Integer::sum);
                }
            }
            sender.join();
            if (sendFailure.get() != null) {
                throw new IllegalStateException("sending to " + REQUEST_QUEUE + " failed", sendFailure.get());
            }
            return new Outcome(count, received, (finished - started) / 1e9, outcomes);
        }
    }

    private static String outcome(Message result) {
        try {
            String outcome = result.getStringProperty("outcome");
            return outcome == null ? "(no outcome property)" : outcome;
        } catch (JMSException unreadable) {
            return "(unreadable)";
        }
    }
}
