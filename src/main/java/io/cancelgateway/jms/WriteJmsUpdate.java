package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsConstants;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.journal.ReplyAddress;
import io.cancelgateway.sync.PrepareStatusCheck;
import io.cancelgateway.sync.SyncUpdate;

/**
 * Makes the update message of a followed JMS request whose result changed: a result message like the first answer
 * (same JMSCorrelationID, the properties {@code request_id}, {@code provider}, {@code outcome}) plus the boolean
 * property {@code update=true}, to the queue the first answer went to (its JMSReplyTo, else the route's result queue).
 */
@ApplicationScoped
@Named("writeJmsUpdate")
public class WriteJmsUpdate implements Processor {

    static final String UPDATE = "update";

    private final ObjectMapper json;

    public WriteJmsUpdate(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SyncUpdate update = exchange.getMessage().getMandatoryBody(SyncUpdate.class);
        exchange.setProperty(PrepareStatusCheck.CHECK, update.check());
        ReplyAddress replyTo = update.check().replyTo();
        Message message = WriteJmsResult.resultMessage(exchange, json, update.result(),
                replyTo == null ? null : replyTo.correlationId());
        message.setHeader(UPDATE, true);
        if (replyTo != null && replyTo.destination() != null) {
            message.setHeader(JmsConstants.JMS_DESTINATION_NAME, replyTo.destination());
        }
        exchange.setMessage(message);
    }
}
