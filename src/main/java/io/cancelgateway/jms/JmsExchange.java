package io.cancelgateway.jms;

/** Exchange properties the JMS channel carries from reading a request to answering it (also used in the YAML route). */
final class JmsExchange {

    /** The request's body as received: a String (TextMessage) or a byte[] (BytesMessage). */
    static final String ORIGINAL_BODY = "JmsOriginalBody";
    /** The request's JMSReplyTo, when set and its client may read there. */
    static final String REPLY_TO = "JmsReplyTo";
    /** The name of the request's JMSReplyTo when its client may not read there: the answer goes to the result queue. */
    static final String REFUSED_REPLY_TO = "JmsRefusedReplyTo";
    /** The JMSCorrelationID of the answer: the request's JMSCorrelationID, else its JMSMessageID. */
    static final String CORRELATION_ID = "JmsCorrelationId";
    /** Why the request is INVALID, when it is: its original then goes to the invalid queue. */
    static final String INVALID_REASON = "JmsInvalidReason";

    private JmsExchange() {
    }
}
