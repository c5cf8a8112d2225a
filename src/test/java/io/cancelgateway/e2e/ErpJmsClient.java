package io.cancelgateway.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An ERP's side of the JMS channel: a plain JMS client connected to the broker the service uses
 * ({@code quarkus.artemis.url}), whichever broker that is, with the service's user or a client's broker user.
 */
final class ErpJmsClient implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;

    private ErpJmsClient(ActiveMQConnectionFactory factory, JMSContext context) {
        this.factory = factory;
        this.context = context;
    }

    static ErpJmsClient connect() {
        Config config = ConfigProvider.getConfig();
        return connectAs(config.getValue("quarkus.artemis.username", String.class),
                config.getValue("quarkus.artemis.password", String.class));
    }

    /** Connected as a broker user of its own, such as a client's ({@code cancel.clients.<name>.jms-user}). */
    static ErpJmsClient connectAs(String user, String password) {
        return connectAs(user, password, factory -> {
        });
    }

    static ErpJmsClient connectAs(String user, String password, Consumer<ActiveMQConnectionFactory> options) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                ConfigProvider.getConfig().getValue("quarkus.artemis.url", String.class), user, password);
        options.accept(factory);
        try {
            return new ErpJmsClient(factory, factory.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        } catch (RuntimeException refused) {
            factory.close();
            throw refused;
        }
    }

    static String queueName(String key) {
        return ConfigProvider.getConfig().getValue("cancel.jms." + key, String.class);
    }

    Queue queue(String name) {
        return context.createQueue(name);
    }

    Topic topic(String name) {
        return context.createTopic(name);
    }

    /** A subscriber, which keeps the topic's address in the broker while it is open. */
    JMSConsumer subscribe(Topic topic) {
        return context.createConsumer(topic);
    }

    TemporaryQueue temporaryQueue() {
        return context.createTemporaryQueue();
    }

    /** Sends a TextMessage to the request queue and returns its JMSMessageID. */
    String sendText(String body) throws JMSException {
        return send(context.createTextMessage(body), message -> {
        });
    }

    String sendText(String body, Consumer<Message> headers) throws JMSException {
        return send(context.createTextMessage(body), headers);
    }

    String sendBytes(byte[] body) throws JMSException {
        return send(bytesMessage(body), headers -> {
        });
    }

    private String send(Message message, Consumer<Message> headers) throws JMSException {
        return sendTo(queueName("request-queue"), message, headers);
    }

    /** Sends a TextMessage to any queue and returns its JMSMessageID. */
    String sendTextTo(String queueName, String body) throws JMSException {
        return sendTo(queueName, context.createTextMessage(body), headers -> {
        });
    }

    /** Sends a message made by this client's context to any queue and returns its JMSMessageID. */
    String sendTo(String queueName, Message message, Consumer<Message> headers) throws JMSException {
        headers.accept(message);
        context.createProducer().send(queue(queueName), message);
        return message.getJMSMessageID();
    }

    /** Sends a TextMessage to the request queue from a producer that disables message ids, as JMS allows. */
    void sendTextWithoutMessageId(String body, Consumer<Message> headers) {
        Message message = context.createTextMessage(body);
        headers.accept(message);
        context.createProducer().setDisableMessageID(true).send(queue(queueName("request-queue")), message);
    }

    Message message() {
        return context.createMessage();
    }

    BytesMessage bytesMessage(byte[] body) throws JMSException {
        BytesMessage message = context.createBytesMessage();
        message.writeBytes(body);
        return message;
    }

    /** Whether the queue holds a message, looked at without taking any. */
    boolean browse(String queueName) throws JMSException {
        try (QueueBrowser browser = context.createBrowser(queue(queueName))) {
            return browser.getEnumeration().hasMoreElements();
        }
    }

    /** Makes all the requests visible at once, as a backlog, in one transaction. */
    void sendAllAtOnce(List<String> bodies) {
        try (JMSContext transacted = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue requests = transacted.createQueue(queueName("request-queue"));
            var producer = transacted.createProducer();
            for (String body : bodies) {
                producer.send(requests, body);
            }
            transacted.commit();
        }
    }

    /** The next message on the queue that matches the selector, or null after the timeout. */
    Message receive(String queueName, String selector, Duration timeout) {
        return receive(queue(queueName), selector, timeout);
    }

    Message receive(jakarta.jms.Destination destination, String selector, Duration timeout) {
        try (JMSConsumer consumer = context.createConsumer(destination, selector)) {
            return consumer.receive(timeout.toMillis());
        }
    }

    /** Receives from the queue until {@code count} messages matching the selector have come, or the timeout passes. */
    int receiveMany(String queueName, String selector, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int received = 0;
        try (JMSConsumer consumer = context.createConsumer(queue(queueName), selector)) {
            while (received < count && System.nanoTime() < deadline) {
                if (consumer.receive(200) != null) {
                    received++;
                }
            }
        }
        return received;
    }

    static String text(Message message) throws JMSException {
        return ((TextMessage) message).getText();
    }

    static String correlatedWith(String correlationId) {
        return "JMSCorrelationID = '" + correlationId + "'";
    }

    @Override
    public void close() {
        context.close();
        factory.close();
    }
}
