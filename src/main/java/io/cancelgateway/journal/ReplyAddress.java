package io.cancelgateway.journal;

/**
 * Where a JMS request's answer went, so that the updates of a followed result go the same way.
 *
 * @param destination the queue the answer was sent to (the request's JMSReplyTo); null for the result queue
 * @param correlationId the answer's JMSCorrelationID
 */
public record ReplyAddress(String destination, String correlationId) {

    /** The longest queue name and correlation id the journal keeps (its reply_to and correlation_id columns). */
    public static final int MAX_LENGTH = 512;
}
