package io.cancelgateway.jms;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The JMS channel and its embedded broker: {@code cancel.jms.*}. The broker's address: {@code quarkus.artemis.url}. */
@ConfigMapping(prefix = "cancel.jms")
public interface JmsChannelConfig {

    /** Whether the service runs its own Artemis broker; false connects to the broker at {@code quarkus.artemis.url}. */
    boolean embedded();

    /** Where ERPs send cancel requests. */
    String requestQueue();

    /** Where results go when a request names no JMSReplyTo. */
    String resultQueue();

    /** Where the originals of unreadable or invalid requests are copied, with the reason. */
    String invalidQueue();

    /** Consumers of the request queue at start. */
    int concurrentConsumers();

    /** Consumers of the request queue under load. */
    int maxConcurrentConsumers();

    /** Embedded broker: how long a rolled-back request waits before it is delivered again the first time. */
    Duration redeliveryDelay();

    /** Embedded broker: what each further wait is multiplied by, so that an outage does not use up the deliveries. */
    double redeliveryMultiplier();

    /** Embedded broker: the longest wait between two deliveries. */
    Duration maxRedeliveryDelay();

    /** Embedded broker: deliveries of a request before it moves to the dead-letter queue. */
    int maxDeliveryAttempts();

    /** The largest request body read, in bytes; a larger one is answered INVALID without being parsed. */
    @WithDefault("65536")
    int maxMessageBytes();

    /**
     * Embedded broker: the largest request message it accepts, in bytes as it stores them (headers, properties and
     * body; a TextMessage's text takes two bytes a character); a larger or compressed one is refused when sent. The
     * default leaves room for a body of {@link #maxMessageBytes()} as text, which is then answered INVALID if too long.
     */
    @WithDefault("262144")
    long maxStoredMessageBytes();

    /** Requests that failed every delivery: {@code DLQ.} and the request queue's name, as Artemis names them. */
    default String deadLetterQueue() {
        return "DLQ." + requestQueue();
    }
}
