package io.cancelgateway.jms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

import io.cancelgateway.client.BrokerUser;
import io.cancelgateway.client.Client;
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
 * that cannot be read is decided INVALID here, its reason kept for the copy sent to the invalid queue. The request's
 * client is the one of the broker user that sent it (JMSXUserID, which the broker sets): another user (the service's
 * own) runs as the single tenant, or without one is answered INVALID. Notes where the answer goes: JMSReplyTo when the
 * client may read there ({@link ReplyPermission}), else the result queue, and the JMSCorrelationID (the request's,
 * else its JMSMessageID).
 */
@ApplicationScoped
@Named("readJmsRequest")
public class ReadJmsRequest implements Processor {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** The broker user that sent the message, as the broker stamps it. */
    private static final String BROKER_USER = "JMSXUserID";

    private final CancelRequestReader reader;
    private final JmsChannelMetrics metrics;
    private final Clients clients;
    private final int maxMessageBytes;
    private final String requestQueue;
    private final List<String> clientPrefixes;

    public ReadJmsRequest(CancelRequestReader reader, JmsChannelMetrics metrics, JmsChannelConfig config,
            Clients clients) {
        this.reader = reader;
        this.metrics = metrics;
        this.clients = clients;
        this.maxMessageBytes = config.maxMessageBytes();
        this.requestQueue = config.requestQueue();
        this.clientPrefixes = clients.all().stream().filter(client -> !client.isSingleTenant())
                .map(Client::replyPrefix).toList();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        // The request's transaction is bound to this consumer's thread: marked transacted, the exchange is never moved
        // to another thread (a provider's call threads, a scheduled redelivery), which would send its result outside
        // the transaction. So a JMS request keeps its consumer while its provider retries.
        exchange.getExchangeExtension().setTransacted(true);
        metrics.received();
        exchange.setProperty(CancelExchange.STARTED_NANOS, System.nanoTime());
        Message message = exchange.getMessage().getMandatoryBody(Message.class);
        String messageId = message.getJMSMessageID();
        String correlationId = message.getJMSCorrelationID();
        Destination replyTo;
        String replyToProblem;
        try {
            replyTo = message.getJMSReplyTo();
            String replyName = replyTo == null ? null : ReplyPermission.name(replyTo);
            replyToProblem = headerProblem("the JMSReplyTo queue's name", replyName);
            if (replyTo != null && replyName == null) {
                // A plain address (a producer set the header as a string): Artemis would send to it as a topic.
                replyTo = null;
                replyToProblem = "the JMSReplyTo header names no queue or topic";
            }
        } catch (JMSException | RuntimeException unreadable) {
            // A header a producer set as another type (bytes): Artemis throws an unchecked exception reading it.
            replyTo = null;
            replyToProblem = "the JMSReplyTo header cannot be read as a queue or topic";
        }
        String correlationProblem = headerProblem("JMSCorrelationID", correlationId);
        // A correlation id refused (it could be as large as the message, too large for the answer's head) is not echoed:
        // the INVALID answer is correlated by the message id instead.
        String answerCorrelation = correlationId != null && correlationProblem == null ? correlationId : messageId;
        exchange.setProperty(JmsExchange.CORRELATION_ID, answerCorrelation);
        String brokerUser = message.getStringProperty(BROKER_USER);
        Client client = clients.byBrokerUser(brokerUser).map(BrokerUser::client).or(clients::singleTenant)
                .orElse(null);
        if (client != null) {
            exchange.setProperty(CancelExchange.CLIENT, client);
        }
        noteAnswerAddress(exchange, client, replyTo, answerCorrelation);
        String idempotencyKey = CancelRequestValidator.usableRequestId(messageId) ? messageId : null;
        try {
            String text = text(message, exchange);
            if (correlationProblem != null || replyToProblem != null) {
                throw new UnreadableCancelRequest(correlationProblem != null ? correlationProblem : replyToProblem);
            }
            if (client == null) {
                throw new UnreadableCancelRequest(brokerUser == null
                        ? "the message names no broker user (JMSXUserID): the broker must set it"
                        : "broker user " + brokerUser + " is no client's");
            }
            CancelRequest request = parse(text);
            if (request.requestId() == null && idempotencyKey == null) {
                throw new UnreadableCancelRequest("the request has no request_id and the message no JMSMessageID to "
                        + "key it by (none, its producer disabling message ids, or one that is no usable request id): "
                        + "set request_id, so that a redelivery is answered from the journal rather than sent to the "
                        + "provider again");
            }
            boolean keyedByMessage = request.requestId() == null || request.requestId().equals(messageId);
            exchange.getMessage().setBody(request.requestId() == null ? request.withRequestId(idempotencyKey)
                    : request);
            // Keyed by its message id, the request is only ever this message: a result stored under it is this
            // message's, whatever the broker remembers of its deliveries (an embedded broker's crash forgets them).
            if (keyedByMessage || message.getJMSRedelivered()) {
                exchange.setProperty(CancelExchange.REDELIVERY, true);
            }
        } catch (UnreadableCancelRequest unreadable) {
            CancelRequest nothingRead = new CancelRequest(idempotencyKey, null, null, null, null, null, null);
            exchange.getMessage().setBody(nothingRead);
            exchange.setProperty(CancelExchange.RESULT,
                    CancelResult.withoutCall(nothingRead, Outcome.INVALID, unreadable.getMessage()));
        }
    }

    /**
     * Why the journal cannot keep this answer address for a followed result's updates, or null: too long, or with a
     * NUL character, which PostgreSQL keeps in no text (and an update must carry the correlation id exactly as sent).
     */
    private static String headerProblem(String what, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > ReplyAddress.MAX_LENGTH) {
            return what + " is longer than " + ReplyAddress.MAX_LENGTH + " characters";
        }
        if (value.indexOf('\u0000') >= 0) {
            return what + " holds a NUL character (U+0000), which the journal cannot keep";
        }
        return null;
    }

    /**
     * Where the answer goes, and its updates later: JMSReplyTo when the client may read there, else the result queue.
     */
    private void noteAnswerAddress(Exchange exchange, Client client, Destination replyTo, String correlation)
            throws JMSException {
        boolean answeredThere = replyTo != null
                && ReplyPermission.allows(client, replyTo, requestQueue, clientPrefixes);
        if (answeredThere) {
            exchange.setProperty(JmsExchange.REPLY_TO, replyTo);
        } else if (replyTo != null) {
            exchange.setProperty(JmsExchange.REFUSED_REPLY_TO, String.valueOf(ReplyPermission.name(replyTo)));
        }
        // A temporary queue ends with its connection, so the updates of an answer sent there go to the result queue.
        String replyQueue = answeredThere && replyTo instanceof Queue queue && !(replyTo instanceof TemporaryQueue)
                ? queue.getQueueName() : null;
        exchange.setProperty(CancelExchange.REPLY_ADDRESS, new ReplyAddress(replyQueue, correlation));
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
