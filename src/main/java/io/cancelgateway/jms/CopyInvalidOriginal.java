package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultMessage;

/**
 * Makes the copy of an unreadable or invalid request for the invalid queue: its body as received (text stays text,
 * bytes stay bytes), the string property {@code error} saying why, and the answer's JMSCorrelationID.
 */
@ApplicationScoped
@Named("copyInvalidOriginal")
public class CopyInvalidOriginal implements Processor {

    static final String ERROR = "error";

    @Override
    public void process(Exchange exchange) {
        Message copy = new DefaultMessage(exchange);
        copy.setBody(exchange.getProperty(JmsExchange.ORIGINAL_BODY));
        copy.setHeader(ERROR, exchange.getProperty(JmsExchange.INVALID_REASON, String.class));
        copy.setHeader("JMSCorrelationID", exchange.getProperty(JmsExchange.CORRELATION_ID, String.class));
        exchange.setMessage(copy);
    }
}
