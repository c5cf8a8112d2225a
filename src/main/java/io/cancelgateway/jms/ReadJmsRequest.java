package io.cancelgateway.jms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.client.Clients;
import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.flow.CancelRequestReader;
import io.cancelgateway.flow.CancelRequestReader.UnreadableCancelRequest;
import io.cancelgateway.flow.CancelRequestValidator;
import io.cancelgateway.journal.ReplyAddress;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;

/**
 * Reads a request message: a TextMessage or BytesMessage holding a UTF-8 JSON {@link CancelRequest}. Without a
 * {@code request_id} the JMSMessageID keys the journal, so a redelivery is answered from the stored result. A message
 * that cannot be read is decided INVALID here, its reason kept for the copy sent to the invalid queue. Notes where the
 * answer goes: JMSReplyTo, and the JMSCorrelationID (the request's, else its JMSMessageID).
 */
@ApplicationScoped
@Named("readJmsRequest")
public class ReadJmsRequest implements Processor {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final CancelRequestReader reader;
    private final JmsChannelMetrics metrics;
    private final int maxMessageBytes;
    private final Clients clients;

    public ReadJmsRequest(CancelRequestReader reader, JmsChannelMetrics metrics, JmsChannelConfig config,
            Clients clients) {
        this.reader = reader;
        this.clients = clients;
        this.metrics = metrics;
        this.maxMessageBytes = config.maxMessageBytes();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        // The request's transaction is bound to this consumer's thread: marked transacted, the exchange is never moved
        // to another thread (a provider's call threads, a scheduled redelivery), which would send its result outside
        // the transaction. So a JMS request keeps its consumer while its provider retries.
        exchange.getExchangeExtension().setTransacted(true);
        metrics.received();
        exchange.setProperty(CancelExchange.CLIENT, clients.singleTenant().orElseThrow(() -> new IllegalStateException(
                "JMS requests run as the single-tenant client: set cancel.api.keys")));
        exchange.setProperty(CancelExchange.STARTED_NANOS, System.nanoTime());
        Message message = exchange.getMessage().getMandatoryBody(Message.class);
        String messageId = message.getJMSMessageID();
        String correlationId = message.getJMSCorrelationID();
        String answerCorrelation = correlationId != null ? correlationId : messageId;
        exchange.setProperty(JmsExchange.CORRELATION_ID, answerCorrelation);
        Destination replyTo = message.getJMSReplyTo();
        if (replyTo != null) {
            exchange.setProperty(JmsExchange.REPLY_TO, replyTo);
        }
        // Updates of a followed result go where its answer went; a temporary queue ends with its connection, so
        // theirs go to the result queue.
        String replyQueue = replyTo instanceof Queue queue && !(replyTo instanceof TemporaryQueue)
                ? queue.getQueueName() : null;
        exchange.setProperty(CancelExchange.REPLY_ADDRESS, new ReplyAddress(replyQueue, answerCorrelation));
        String idempotencyKey = CancelRequestValidator.usableRequestId(messageId) ? messageId : null;
        try {
            CancelRequest request = parse(text(message, exchange));
            exchange.getMessage().setBody(request.requestId() == null && idempotencyKey != null
                    ? request.withRequestId(idempotencyKey)
                    : request);
        } catch (UnreadableCancelRequest unreadable) {
            CancelRequest nothingRead = new CancelRequest(idempotencyKey, null, null, null, null, null, null);
            exchange.getMessage().setBody(nothingRead);
            exchange.setProperty(CancelExchange.RESULT,
                    CancelResult.withoutCall(nothingRead, Outcome.INVALID, unreadable.getMessage()));
        }
    }

    /**
     * The message's text; keeps the body as received for a copy to the invalid queue. A body over
     * {@code cancel.jms.max-message-bytes} is refused before it is parsed.
     */
    private String text(Message message, Exchange exchange) throws JMSException {
        if (message instanceof TextMessage textMessage) {
            String text = textMessage.getText();
            exchange.setProperty(JmsExchange.ORIGINAL_BODY, text);
            if (text != null && (text.length() > maxMessageBytes
                    || text.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes)) {
                throw tooLarge(text.getBytes(StandardCharsets.UTF_8).length);
            }
            return text;
        }
        if (message instanceof BytesMessage bytesMessage) {
            byte[] bytes = new byte[(int) bytesMessage.getBodyLength()];
            bytesMessage.readBytes(bytes);
            exchange.setProperty(JmsExchange.ORIGINAL_BODY, bytes);
            if (bytes.length > maxMessageBytes) {
                throw tooLarge(bytes.length);
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException notUtf8) {
                throw new UnreadableCancelRequest("the message body is not UTF-8 text");
            }
        }
        // Never read: an ObjectMessage's body would be deserialized Java.
        throw new UnreadableCancelRequest("the message must be a TextMessage or a BytesMessage holding a JSON cancel "
                + "request, not a " + messageType(message));
    }

    private UnreadableCancelRequest tooLarge(long bytes) {
        return new UnreadableCancelRequest("the message body has " + bytes + " bytes; the limit is " + maxMessageBytes
                + " (cancel.jms.max-message-bytes)");
    }

    private CancelRequest parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnreadableCancelRequest("the message body is empty; send a JSON cancel request");
        }
        String document = text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        return reader.read(document, "the message body");
    }

    private static String messageType(Message message) {
        for (Class<?> type : message.getClass().getInterfaces()) {
            if (type.getName().startsWith("jakarta.jms.")) {
                return type.getSimpleName();
            }
        }
        return message.getClass().getSimpleName();
    }
}
