package io.cancelgateway.packaged;

import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ERP's side of the packaged service's JMS channel, on the broker its properties name: queues a backlog of
 * Hyperswitch requests of one run ({@code request_id} {@code <run>-<i>}, reference {@code pay_<run>_<i>}) and consumes
 * their results.
 */
final class ErpQueues implements AutoCloseable {

    /** How long no further result may come once every request has one, for duplicates to show up. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final ActiveMQConnectionFactory factory;

    ErpQueues(Map<String, String> properties) {
        factory = new ActiveMQConnectionFactory(properties.get("quarkus.artemis.url"),
                properties.get("quarkus.artemis.username"), properties.get("quarkus.artemis.password"));
    }

    static String requestId(String run, int i) {
        return run + "-" + i;
    }

    static String reference(String run, int i) {
        return "pay_" + run + "_" + i;
    }

    /** Sends the run's requests in one transaction, so that they are queued as one backlog. */
    void queueRequests(String run, int count) {
        try (JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue requests = context.createQueue("cancel.requests");
            JMSProducer producer = context.createProducer();
            for (int i = 0; i < count; i++) {
                producer.send(requests, "{\"request_id\":\"" + requestId(run, i)
                        + "\",\"provider\":\"hyperswitch\",\"reference\":\"" + reference(run, i) + "\"}");
            }
            context.commit();
        }
    }

    /**
     * Consumes the run's results into {@code received} until it holds results for {@code requests} request ids, then
     * returns at once. Every result taken is acknowledged before this returns (closing the session waits for the
     * acknowledgements sent before it), so none taken here is delivered again, whatever happens next.
     */
    void consumeUntil(String run, List<JmsResult> received, int requests, Duration timeout) throws JMSException {
        consume(run, received, requests, Duration.ZERO, timeout);
    }

    /**
     * Consumes the run's results into {@code received} until it holds results for {@code requests} request ids and no
     * further result has come for a few seconds, or the timeout passes.
     */
    void drain(String run, List<JmsResult> received, int requests, Duration timeout) throws JMSException {
        consume(run, received, requests, QUIET, timeout);
    }

    /** The run's requests on the dead-letter queue, left there (read with a browser). */
    int deadLetters(String run) throws JMSException {
        String ofRun = "\"request_id\":\"" + run + "-";
        int count = 0;
        try (JMSContext context = factory.createContext();
                QueueBrowser browser = context.createBrowser(context.createQueue("DLQ.cancel.requests"))) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                if (messages.nextElement() instanceof TextMessage request && request.getText().contains(ofRun)) {
                    count++;
                }
            }
        }
        return count;
    }

    private void consume(String run, List<JmsResult> received, int requests, Duration quiet, Duration timeout)
            throws JMSException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createQueue("cancel.results"),
                        "request_id LIKE '" + run + "-%'")) {
            while (System.nanoTime() < deadline) {
                boolean complete = requestIds(received) >= requests;
                if (complete && quiet.isZero()) {
                    return;
                }
                Message result = consumer.receive(complete ? quiet.toMillis() : 1000);
                if (result == null && complete) {
                    return;
                }
                if (result != null) {
                    received.add(JmsResult.of((TextMessage) result));
                }
            }
        }
    }

    private static long requestIds(List<JmsResult> received) {
        return received.stream().map(JmsResult::requestId).distinct().count();
    }

    @Override
    public void close() {
        factory.close();
    }

    /** A result as the ERP reads it. */
    record JmsResult(String requestId, String outcome, boolean replayed) {

        static JmsResult of(TextMessage message) throws JMSException {
            try {
                JsonNode result = CancellationsApi.JSON.readTree(message.getText());
                return new JmsResult(message.getStringProperty("request_id"), result.path("outcome").asText(),
                        result.path("replayed").asBoolean());
            } catch (JsonProcessingException unreadable) {
                throw new IllegalStateException("a result that is not JSON: " + message.getText(), unreadable);
            }
        }
    }
}
