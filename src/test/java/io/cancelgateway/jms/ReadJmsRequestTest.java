package io.cancelgateway.jms;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.Destination;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQQueue;
import org.apache.activemq.artemis.jms.client.ActiveMQTemporaryQueue;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.client.Client;
import io.cancelgateway.client.Clients;
import io.cancelgateway.client.ClientsConfig.ClientSettings;
import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.flow.CancelRequestReader;
import io.cancelgateway.journal.ReplyAddress;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Which client a request message runs as, by the broker user the broker stamped on it, and where it is answered. */
class ReadJmsRequestTest {

    private static final String BODY = "{\"provider\":\"kwikpaisa\",\"reference\":\"pay_1\"}";
    private static final String NO_PASSWORD = "00".repeat(32);
    private static final String MESSAGE_ID = "ID:0c3a7e1e-0000-0000-0000-000000000001";

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
    }

    @Test
    void aClientsBrokerUserRunsAsTheClientAnsweredUnderItsReplyPrefixOnly() throws Exception {
        ReadJmsRequest read = reader(true);

        Exchange inside = read(read, "erp-a-user", new ActiveMQQueue("cancel.replies.erp-a.orders"));
        Exchange outside = read(read, "erp-a-user", new ActiveMQQueue("cancel.requests"));
        Exchange wildcard = read(read, "erp-a-user", new ActiveMQQueue("cancel.replies.erp-a.#"));
        Exchange temporary = read(read, "erp-a-user", new ActiveMQTemporaryQueue("1f0e2a", null));

        assertThat(inside.getProperty(CancelExchange.CLIENT, Client.class).name()).isEqualTo("erp-a");
        assertThat(inside.getProperty(JmsExchange.REPLY_TO)).isNotNull();
        assertThat(inside.getProperty(CancelExchange.REPLY_ADDRESS, ReplyAddress.class).destination())
                .isEqualTo("cancel.replies.erp-a.orders");
        for (Exchange refused : List.of(outside, wildcard, temporary)) {
            assertThat(refused.getProperty(JmsExchange.REPLY_TO)).isNull();
            assertThat(refused.getProperty(JmsExchange.REFUSED_REPLY_TO)).isNotNull();
            assertThat(refused.getProperty(CancelExchange.REPLY_ADDRESS, ReplyAddress.class).destination())
                    .as("updates follow the answer to the result queue").isNull();
            assertThat(refused.getProperty(CancelExchange.RESULT)).isNull();
        }
        assertThat(outside.getProperty(JmsExchange.REFUSED_REPLY_TO)).isEqualTo("cancel.requests");
    }

    /**
     * A stored ERROR is replayed, not attempted again, for a message that may have run before: one the broker redelivers,
     * or one keyed by its own message id, which no other message has (a crash of the embedded broker forgets the flag).
     */
    @ParameterizedTest(name = "request_id {0}, redelivered {1}: a redelivery {2}")
    @CsvSource({ "none, false, true", "the message id, false, true", "its own, false, false", "its own, true, true" })
    void aMessageThatMayHaveRunBeforeIsARedelivery(String requestId, boolean redelivered, boolean redelivery)
            throws Exception {
        String body = switch (requestId) {
            case "none" -> BODY;
            case "the message id" -> "{\"request_id\":\"" + MESSAGE_ID + "\",\"provider\":\"kwikpaisa\","
                    + "\"reference\":\"pay_1\"}";
            default -> "{\"request_id\":\"erp-77\",\"provider\":\"kwikpaisa\",\"reference\":\"pay_1\"}";
        };
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(message("cancel", null, null, body, redelivered));

        reader(true).process(exchange);

        assertThat(exchange.getProperty(CancelExchange.RESULT)).isNull();
        assertThat(exchange.getProperty(CancelExchange.REDELIVERY, false, Boolean.class)).isEqualTo(redelivery);
    }

    @Test
    void anotherBrokerUserRunsAsTheSingleTenantAnsweredWhereItAsks() throws Exception {
        Exchange exchange = read(reader(true), "cancel", new ActiveMQQueue("erp.replies"));

        assertThat(exchange.getProperty(CancelExchange.CLIENT, Client.class).isSingleTenant()).isTrue();
        assertThat(exchange.getProperty(CancelExchange.REPLY_ADDRESS, ReplyAddress.class).destination())
                .isEqualTo("erp.replies");
        assertThat(exchange.getProperty(CancelExchange.RESULT)).isNull();
    }

    @Test
    void theSingleTenantIsNeverAnsweredWhereItCouldReachTheRequestQueueOrAClientsQueues() throws Exception {
        ReadJmsRequest read = reader(true);

        for (String name : List.of("cancel.requests", "cancel.requests::cancel.requests", "erp::cancel.requests",
                "cancel.#", "cancel.*", "cancel.replies.erp-a.orders", "erp::cancel.replies.erp-a.orders",
                "cancel.replies.erp-a")) {
            Exchange exchange = read(read, "cancel", new ActiveMQQueue(name));

            assertThat(exchange.getProperty(JmsExchange.REPLY_TO)).as(name).isNull();
            assertThat(exchange.getProperty(JmsExchange.REFUSED_REPLY_TO)).as(name).isEqualTo(name);
            assertThat(exchange.getProperty(CancelExchange.REPLY_ADDRESS, ReplyAddress.class).destination()).as(name)
                    .isNull();
        }
        assertThat(read(read, "cancel", new ActiveMQQueue("cancel.requests.erp")).getProperty(JmsExchange.REPLY_TO))
                .as("a queue that only starts with the request queue's name").isNotNull();
    }

    @Test
    void aCorrelationIdOrReplyQueueTheJournalCannotKeepIsAnsweredInvalidTheCorrelationIdNotEchoed() throws Exception {
        ReadJmsRequest read = reader(true);

        Exchange nulCorrelation = read(read, "cancel", null, "corr\u0000-1");
        Exchange longCorrelation = read(read, "cancel", null, "c".repeat(60_000));
        Exchange nulReplyTo = read(read, "cancel", new ActiveMQQueue("erp\u0000.replies"), null);
        Exchange longReplyTo = read(read, "cancel", new ActiveMQQueue("erp." + "q".repeat(60_000)), null);

        assertThat(nulCorrelation.getProperty(CancelExchange.RESULT, CancelResult.class).error())
                .isEqualTo("JMSCorrelationID holds a NUL character (U+0000), which the journal cannot keep");
        assertThat(longCorrelation.getProperty(CancelExchange.RESULT, CancelResult.class).error())
                .isEqualTo("JMSCorrelationID is longer than 512 characters");
        assertThat(nulReplyTo.getProperty(CancelExchange.RESULT, CancelResult.class).error())
                .isEqualTo("the JMSReplyTo queue's name holds a NUL character (U+0000), which the journal cannot keep");
        assertThat(longReplyTo.getProperty(CancelExchange.RESULT, CancelResult.class).error())
                .isEqualTo("the JMSReplyTo queue's name is longer than 512 characters");
        for (Exchange exchange : List.of(nulCorrelation, longCorrelation)) {
            // Not echoed: it could be too large for the answer's head.
            assertThat(exchange.getProperty(JmsExchange.CORRELATION_ID))
                    .isEqualTo("ID:0c3a7e1e-0000-0000-0000-000000000001");
        }
        for (Exchange exchange : List.of(nulReplyTo, longReplyTo)) {
            // Answered where the single tenant asked, as any INVALID answer: only the journal cannot keep it.
            assertThat(exchange.getProperty(JmsExchange.REPLY_TO)).isNotNull();
        }
        Exchange refusedCorrelationToAClientsQueue = read(read, "erp-a-user",
                new ActiveMQQueue("cancel.replies.erp-a.orders"), "c".repeat(600));
        assertThat(refusedCorrelationToAClientsQueue.getProperty(JmsExchange.REPLY_TO)).isNotNull();
        assertThat(refusedCorrelationToAClientsQueue.getProperty(JmsExchange.CORRELATION_ID))
                .isEqualTo("ID:0c3a7e1e-0000-0000-0000-000000000001");
    }

    @Test
    void withoutASingleTenantAnotherBrokerUserIsAnsweredInvalidOnTheResultQueue() throws Exception {
        Exchange exchange = read(reader(false), "cancel", new ActiveMQQueue("cancel.replies.erp-a.orders"));
        Exchange anonymous = read(reader(false), null, null);

        assertThat(exchange.getProperty(CancelExchange.CLIENT)).isNull();
        assertThat(exchange.getProperty(JmsExchange.REPLY_TO)).isNull();
        CancelResult result = exchange.getProperty(CancelExchange.RESULT, CancelResult.class);
        assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(result.error()).isEqualTo("broker user cancel is no client's");
        assertThat(exchange.getProperty(JmsExchange.ORIGINAL_BODY)).as("kept for the invalid queue").isEqualTo(BODY);
        assertThat(anonymous.getProperty(CancelExchange.RESULT, CancelResult.class).error())
                .isEqualTo("the message names no broker user (JMSXUserID): the broker must set it");
    }

    private Exchange read(ReadJmsRequest read, String brokerUser, Destination replyTo) throws Exception {
        return read(read, brokerUser, replyTo, null);
    }

    private Exchange read(ReadJmsRequest read, String brokerUser, Destination replyTo, String correlationId)
            throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(message(brokerUser, replyTo, correlationId));
        read.process(exchange);
        return exchange;
    }

    private static ReadJmsRequest reader(boolean singleTenant) {
        ClientSettings erpA = new Settings(Optional.of(sha256Hex("erp-a-api-key")), Optional.empty(), List.of("m-a"),
                Optional.empty(), Optional.of("erp-a-user"), Optional.of(NO_PASSWORD), Optional.empty(),
                Optional.empty());
        Clients clients = new Clients(() -> Map.of("erp-a", erpA),
                singleTenant ? Optional.of(List.of("single-tenant-key")) : Optional.empty());
        JmsChannelConfig config = (JmsChannelConfig) Proxy.newProxyInstance(JmsChannelConfig.class.getClassLoader(),
                new Class<?>[] { JmsChannelConfig.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "maxMessageBytes" -> 65536;
                    case "requestQueue" -> "cancel.requests";
                    default -> null;
                });
        return new ReadJmsRequest(new CancelRequestReader(new ObjectMapper()),
                new JmsChannelMetrics(new SimpleMeterRegistry()), config, clients);
    }

    /** A text message as the broker delivers it, with the user that sent it. */
    private static TextMessage message(String brokerUser, Destination replyTo, String correlationId) {
        return message(brokerUser, replyTo, correlationId, BODY, false);
    }

    private static TextMessage message(String brokerUser, Destination replyTo, String correlationId, String body,
            boolean redelivered) {
        return (TextMessage) Proxy.newProxyInstance(TextMessage.class.getClassLoader(),
                new Class<?>[] { TextMessage.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getJMSMessageID" -> MESSAGE_ID;
                    case "getJMSRedelivered" -> redelivered;
                    case "getStringProperty" -> "JMSXUserID".equals(args[0]) ? brokerUser : null;
                    case "getJMSReplyTo" -> replyTo;
                    case "getJMSCorrelationID" -> correlationId;
                    case "getText" -> body;
                    default -> null;
                });
    }

    private static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private record Settings(Optional<String> apiKeySha256, Optional<String> apiKey, List<String> merchants,
            Optional<List<String>> providers, Optional<String> jmsUser, Optional<String> jmsPasswordSha256,
            Optional<String> jmsPassword, Optional<String> replyPrefix) implements ClientSettings {
    }
}
