package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.ErpJmsClient.correlatedWith;
import static io.cancelgateway.e2e.ErpJmsClient.queueName;
import static io.cancelgateway.e2e.ErpJmsClient.text;
import static io.cancelgateway.e2e.RestCancelTest.simulatorCalls;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.ClientProxy;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.Claim;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;

/**
 * The JMS channel as an ERP uses it, through a real broker with a plain JMS client. Each subclass names the broker
 * (embedded, or an external one), so that every case runs against both.
 */
abstract class JmsChannelContract {

    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CancelJournal journal;

    @Inject
    ConnectionFactory connectionFactory;

    private ErpJmsClient erp;

    @BeforeEach
    void connect() {
        erp = ErpJmsClient.connect();
    }

    @AfterEach
    void disconnect() {
        erp.close();
    }

    @Test
    void theServiceSessionsKeepTheQueuesTheyLookUpByName() {
        // Else each answer on the result queue asks the broker about the queue first (README, speed changes).
        assertThat(ClientProxy.unwrap(connectionFactory)).isInstanceOfSatisfying(ActiveMQConnectionFactory.class,
                artemis -> assertThat(artemis.isCacheDestinations()).isTrue());
    }

    @Test
    void aRequestIsAnsweredOnTheResultQueueCorrelatedByItsMessageId() throws Exception {
        String reference = unique("jms-k");
        String messageId = erp.sendText("{\"provider\":\"kwikpaisa\",\"reference\":\"" + reference + "\"}");

        Message answer = erp.receive(queueName("result-queue"), correlatedWith(messageId), ANSWER);

        assertThat(answer).isInstanceOf(TextMessage.class);
        JsonNode result = JSON.readTree(text(answer));
        assertThat(result.path("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(result.path("channel").asText()).isEqualTo("jms");
        assertThat(result.path("reference").asText()).isEqualTo(reference);
        assertThat(result.path("request_id").asText()).as("the message id keys a request without request_id")
                .isEqualTo(messageId);
        assertThat(answer.getJMSCorrelationID()).isEqualTo(messageId);
        assertThat(answer.getStringProperty("request_id")).isEqualTo(messageId);
        assertThat(answer.getStringProperty("provider")).isEqualTo("kwikpaisa");
        assertThat(answer.getStringProperty("outcome")).isEqualTo("CANCELLED");
        assertThat(simulatorCalls("kwikpaisa", reference)).isEqualTo(1);
    }

    @Test
    void aRequestWithReplyToIsAnsweredThereWithItsCorrelationId() throws Exception {
        TemporaryQueue replies = erp.temporaryQueue();
        String correlationId = unique("erp-corr-");
        String requestId = unique("jms-req-");
        String reference = unique("missing-");
        erp.sendText("{\"request_id\":\"" + requestId + "\",\"provider\":\"hyperswitch\",\"reference\":\""
                + reference + "\"}", message -> {
                    try {
                        message.setJMSReplyTo(replies);
                        message.setJMSCorrelationID(correlationId);
                    } catch (JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });

        Message answer = erp.receive(replies, null, ANSWER);

        assertThat(answer).isNotNull();
        assertThat(answer.getJMSCorrelationID()).isEqualTo(correlationId);
        assertThat(answer.getStringProperty("request_id")).isEqualTo(requestId);
        assertThat(answer.getStringProperty("outcome")).isEqualTo("NOT_FOUND");
        assertThat(JSON.readTree(text(answer)).path("request_id").asText()).isEqualTo(requestId);
        assertThat(erp.receive(queueName("result-queue"), correlatedWith(correlationId), Duration.ofMillis(500)))
                .as("nothing on the result queue when JMSReplyTo is set").isNull();
    }

    @Test
    void aReplyToHeaderThatNamesNoQueueOrTopicIsAnsweredInvalidOnTheResultQueueWithoutARedelivery() throws Exception {
        // A core producer or a bridge can set the header as bytes (Artemis then throws reading it) or as a plain string
        // (Artemis then reads an address of no type, and would send the answer to it as a topic's).
        double rolledBackBefore = counter("cancel_jms_rolled_back_total");
        String bytesCorrelation = unique("erp-bytes-");
        String bytesReference = unique("jms-bytes-");
        erp.sendText("{\"provider\":\"kwikpaisa\",\"reference\":\"" + bytesReference + "\"}", message -> {
            correlate(message, bytesCorrelation);
            ((ActiveMQMessage) message).getCoreMessage().putBytesProperty("JMSReplyTo", new byte[] { 1, 2, 3 });
        });
        String plainCorrelation = unique("erp-plain-");
        String plainReference = unique("jms-plain-");
        erp.sendText("{\"provider\":\"kwikpaisa\",\"reference\":\"" + plainReference + "\"}", message -> {
            correlate(message, plainCorrelation);
            ((ActiveMQMessage) message).getCoreMessage().putStringProperty("JMSReplyTo", unique("erp.replies.plain-"));
        });

        Message bytesAnswer = erp.receive(queueName("result-queue"), correlatedWith(bytesCorrelation), ANSWER);
        Message plainAnswer = erp.receive(queueName("result-queue"), correlatedWith(plainCorrelation), ANSWER);

        assertThat(bytesAnswer).as("answered on the result queue").isNotNull();
        assertThat(bytesAnswer.getStringProperty("outcome")).isEqualTo("INVALID");
        assertThat(JSON.readTree(text(bytesAnswer)).path("error").asText())
                .isEqualTo("the JMSReplyTo header cannot be read as a queue or topic");
        assertThat(plainAnswer).as("answered on the result queue").isNotNull();
        assertThat(plainAnswer.getStringProperty("outcome")).isEqualTo("INVALID");
        assertThat(JSON.readTree(text(plainAnswer)).path("error").asText())
                .isEqualTo("the JMSReplyTo header names no queue or topic");
        assertThat(counter("cancel_jms_rolled_back_total")).as("consumed at the first delivery")
                .isEqualTo(rolledBackBefore);
        assertThat(simulatorCalls("kwikpaisa", bytesReference)).isZero();
        assertThat(simulatorCalls("kwikpaisa", plainReference)).isZero();
    }

    @Test
    void aRequestWithoutRequestIdFromAProducerThatDisablesMessageIdsIsAnsweredInvalid() throws Exception {
        // Nothing would key it: every redelivery would be a new request, sent to the provider again.
        String correlationId = unique("erp-no-id-");
        String reference = unique("jms-no-id-");
        erp.sendTextWithoutMessageId("{\"provider\":\"kwikpaisa\",\"reference\":\"" + reference + "\"}",
                message -> correlate(message, correlationId));
        String keyed = unique("erp-keyed-");
        String keyedReference = unique("jms-keyed-");
        erp.sendTextWithoutMessageId("{\"request_id\":\"" + unique("jms-own-id-") + "\",\"provider\":\"kwikpaisa\","
                + "\"reference\":\"" + keyedReference + "\"}", message -> correlate(message, keyed));

        Message answer = erp.receive(queueName("result-queue"), correlatedWith(correlationId), ANSWER);
        Message keyedAnswer = erp.receive(queueName("result-queue"), correlatedWith(keyed), ANSWER);

        assertThat(answer.getStringProperty("outcome")).isEqualTo("INVALID");
        assertThat(JSON.readTree(text(answer)).path("error").asText())
                .startsWith("the request has no request_id and the message no JMSMessageID to key it by");
        assertThat(simulatorCalls("kwikpaisa", reference)).isZero();
        assertThat(keyedAnswer.getStringProperty("outcome")).as("keyed by its own request_id").isEqualTo("CANCELLED");
    }

    @Test
    void anAnswerIsNeverSentToTheRequestQueueEvenWhenTheRequestAsksForIt() throws Exception {
        String correlationId = unique("erp-loop-");
        String reference = unique("jms-loop-");
        erp.sendText("{\"provider\":\"kwikpaisa\",\"reference\":\"" + reference + "\"}", message -> {
            try {
                message.setJMSReplyTo(erp.queue(queueName("request-queue")));
                message.setJMSCorrelationID(correlationId);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });

        Message answer = erp.receive(queueName("result-queue"), correlatedWith(correlationId), ANSWER);

        assertThat(answer).as("answered on the result queue instead").isNotNull();
        assertThat(answer.getStringProperty("outcome")).isEqualTo("CANCELLED");
        // Sent to the request queue, the answer would have been read as a request and answered again.
        assertThat(erp.receive(queueName("result-queue"), correlatedWith(correlationId), Duration.ofSeconds(2)))
                .as("a second answer, to the first one read back as a request").isNull();
        assertThat(erp.receive(queueName("invalid-queue"), correlatedWith(correlationId), Duration.ofMillis(500)))
                .isNull();
        assertThat(simulatorCalls("kwikpaisa", reference)).isEqualTo(1);
    }

    @Test
    void anIdOrProviderAsLongAsTheBodyAllowsIsAnsweredInvalidNotDeliveredAgain() throws Exception {
        // As properties of the answer, either would make its head larger than the broker takes, failing the send.
        String longId = erp.sendText("{\"request_id\":\"" + "r".repeat(60_000) + "\",\"reference\":\"x\"}");
        String longProvider = erp.sendText("{\"provider\":\"" + "p".repeat(60_000) + "\",\"reference\":\"x\"}");

        Message toLongId = erp.receive(queueName("result-queue"), correlatedWith(longId), ANSWER);
        Message toLongProvider = erp.receive(queueName("result-queue"), correlatedWith(longProvider), ANSWER);

        assertThat(toLongId).as("the long id's answer").isNotNull();
        assertThat(toLongProvider).as("the long provider's answer").isNotNull();
        for (Message answer : List.of(toLongId, toLongProvider)) {
            assertThat(answer.getStringProperty("outcome")).isEqualTo("INVALID");
            assertThat(answer.getStringProperty("provider")).as("none of the gateway's").isNull();
        }
        assertThat(toLongId.getStringProperty("request_id")).as("not a usable id").isNull();
        assertThat(toLongProvider.getStringProperty("request_id")).isEqualTo(longProvider);
        assertThat(erp.receive(queueName("result-queue"), correlatedWith(longProvider), Duration.ofMillis(500)))
                .as("answered once").isNull();
    }

    @Test
    void aCorrelationIdLongerThanTheJournalKeepsIsAnsweredInvalidWithoutACall() throws Exception {
        String correlationId = unique("erp-corr-") + "x".repeat(600);
        String reference = unique("jms-long-corr-");
        String messageId = erp.sendText("{\"provider\":\"hyperswitch\",\"reference\":\"" + reference + "\"}",
                message -> correlate(message, correlationId));

        // Without the correlation id it could not keep: correlated by the request's message id.
        Message answer = erp.receive(queueName("result-queue"), correlatedWith(messageId), ANSWER);

        assertThat(answer.getStringProperty("outcome")).isEqualTo("INVALID");
        assertThat(JSON.readTree(text(answer)).path("error").asText())
                .isEqualTo("JMSCorrelationID is longer than 512 characters");
        assertThat(simulatorCalls("hyperswitch", reference)).isZero();
    }

    @Test
    void aBytesMessageHoldingUtf8JsonIsCancelled() throws Exception {
        String reference = unique("jms-h");
        String messageId = erp.sendBytes(("{\"provider\":\"hyperswitch\",\"reference\":\"" + reference
                + "\",\"reason\":\"Kunde möchte stornieren\"}").getBytes(StandardCharsets.UTF_8));

        Message answer = erp.receive(queueName("result-queue"), correlatedWith(messageId), ANSWER);

        assertThat(answer.getStringProperty("outcome")).isEqualTo("CANCELLED");
        assertThat(erp.receive(queueName("invalid-queue"), correlatedWith(messageId), Duration.ofMillis(300)))
                .isNull();
    }

    @Test
    void invalidJsonIsAnsweredInvalidAndItsOriginalCopiedAsideWithTheError() throws Exception {
        String invalidAnswers = "cancel_requests_total{channel=\"jms\",outcome=\"INVALID\",";
        double invalidBefore = seriesStarting(invalidAnswers);
        String body = "{\"provider\":\"kwikpaisa\",\"reference\":";
        String messageId = erp.sendText(body);

        Message answer = erp.receive(queueName("result-queue"), correlatedWith(messageId), ANSWER);
        Message original = erp.receive(queueName("invalid-queue"), correlatedWith(messageId), ANSWER);

        assertThat(answer.getStringProperty("outcome")).isEqualTo("INVALID");
        JsonNode result = JSON.readTree(text(answer));
        assertThat(result.path("outcome").asText()).isEqualTo("INVALID");
        assertThat(result.path("channel").asText()).isEqualTo("jms");
        assertThat(result.path("request_id").asText()).isEqualTo(messageId);
        assertThat(result.path("error").asText()).startsWith("the message body is not a valid cancel request");
        assertThat(original).isInstanceOf(TextMessage.class);
        assertThat(text(original)).isEqualTo(body);
        assertThat(original.getStringProperty("error")).isEqualTo(result.path("error").asText());
        assertThat(seriesStarting(invalidAnswers)).as("answers counted").isGreaterThan(invalidBefore);
    }

    @Test
    void anInvalidRequestIsAnsweredInvalidAndItsOriginalCopiedAside() throws Exception {
        String body = "{\"provider\":\"kwikpaisa\",\"reason\":\"no reference\"}";
        String messageId = erp.sendText(body);

        Message answer = erp.receive(queueName("result-queue"), correlatedWith(messageId), ANSWER);
        Message original = erp.receive(queueName("invalid-queue"), correlatedWith(messageId), ANSWER);

        assertThat(answer.getStringProperty("outcome")).isEqualTo("INVALID");
        assertThat(JSON.readTree(text(answer)).path("error").asText()).isEqualTo("reference is required");
        assertThat(text(original)).isEqualTo(body);
        assertThat(original.getStringProperty("error")).isEqualTo("reference is required");
    }

    @Test
    void bytesThatAreNotUtf8AreAnsweredInvalidAndCopiedAsideAsBytes() throws Exception {
        byte[] body = { '{', '"', 'r', 'e', 'f', 'e', 'r', 'e', 'n', 'c', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                '"', '}' };
        String messageId = erp.sendBytes(body);

        Message answer = erp.receive(queueName("result-queue"), correlatedWith(messageId), ANSWER);
        Message original = erp.receive(queueName("invalid-queue"), correlatedWith(messageId), ANSWER);

        assertThat(answer.getStringProperty("outcome")).isEqualTo("INVALID");
        assertThat(JSON.readTree(text(answer)).path("error").asText()).isEqualTo("the message body is not UTF-8 text");
        assertThat(original).isInstanceOf(BytesMessage.class);
        assertThat(original.getBody(byte[].class)).isEqualTo(body);
        assertThat(original.getStringProperty("error")).isEqualTo("the message body is not UTF-8 text");
    }

    @ParameterizedTest(name = "{0}, request_id {1}: {2} provider calls")
    @CsvSource({ "jms-redelivered-, false, 1, CANCELLED", "down-jms-redelivered-, false, 3, ERROR",
            "down-jms-redelivered-, true, 3, ERROR" })
    void aRequestWhoseAnswerCannotBeSentIsRedeliveredAnsweredFromTheJournalAndEndsOnTheDeadLetterQueue(String prefix,
            boolean ownRequestId, int calls, String outcome) throws Exception {
        // A reply-to queue named like a topic's address cannot take the answer: the send fails after the provider
        // call and the result are recorded, so every redelivery of the same message must replay, never call again;
        // an ERROR too (down-: 500 at every attempt), which a new message with the same request_id would attempt anew.
        String misnamed = unique("erp.replies.topic-");
        Topic topic = erp.topic(misnamed);
        try (var keepsTheTopicAddress = erp.subscribe(topic)) {
            String reference = unique(prefix);
            String requestId = ownRequestId ? unique("jms-redelivered-id-") : null;
            double rolledBackBefore = counter("cancel_jms_rolled_back_total");
            String messageId = erp.sendText("{" + (ownRequestId ? "\"request_id\":\"" + requestId + "\"," : "")
                    + "\"provider\":\"kwikpaisa\",\"reference\":\"" + reference + "\"}", message -> {
                        try {
                            message.setJMSReplyTo(erp.queue(misnamed));
                        } catch (JMSException e) {
                            throw new IllegalStateException(e);
                        }
                    });

            Message dead = erp.receive(deadLetterQueue(),
                    "JMSMessageID = '" + messageId + "'", Duration.ofSeconds(30));

            assertThat(dead).as("the request after its last delivery").isNotNull();
            assertThat(text(dead)).contains(reference);
            assertRolledBackFiveTimes(rolledBackBefore);
            assertThat(simulatorCalls("kwikpaisa", reference)).as("one run's calls for five deliveries")
                    .isEqualTo(calls);
            given().header("X-Api-Key", "dev-api-key").when()
                    .get("/api/v1/cancellations/" + (ownRequestId ? requestId : messageId))
                    .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo(outcome));
        }
    }

    @Test
    void aRequestStillInProgressElsewhereRollsBackFiveTimesThenGoesToTheDeadLetterQueue() throws Exception {
        String requestId = unique("jms-held-");
        String reference = unique("jms-held-ref-");
        CancelRequest held = new CancelRequest(requestId, "kwikpaisa", null, reference, null, null, null);
        Claim claim = journal.claim("default", held, Channel.REST, true, Duration.ofMinutes(2));
        assertThat(claim).isInstanceOf(Claim.Owned.class);
        double rolledBackBefore = counter("cancel_jms_rolled_back_total");
        try {
            String messageId = erp.sendText("{\"request_id\":\"" + requestId + "\",\"provider\":\"kwikpaisa\","
                    + "\"reference\":\"" + reference + "\"}");

            Message dead = erp.receive(deadLetterQueue(), "JMSMessageID = '" + messageId + "'", Duration.ofSeconds(60));

            assertThat(dead).as("the request after its last delivery").isNotNull();
            assertRolledBackFiveTimes(rolledBackBefore);
            assertThat(erp.receive(queueName("result-queue"), correlatedWith(messageId), Duration.ofMillis(300)))
                    .as("no result for a request rolled back").isNull();
            assertThat(simulatorCalls("kwikpaisa", reference)).isZero();
        } finally {
            journal.complete("default", requestId, ((Claim.Owned) claim).token(),
                    CancelResult.withoutCall(held, Outcome.ERROR, "released by the test"), List.of(), null, false);
        }
    }

    @Test
    void readinessIncludesTheBrokerAndMetricsCountTheChannel() throws Exception {
        String messageId = erp.sendText("{\"provider\":\"hyperswitch\",\"reference\":\"" + unique("jms-m") + "\"}");
        assertThat(erp.receive(queueName("result-queue"), correlatedWith(messageId), ANSWER)).isNotNull();

        // Polled: one CI run saw a single 503 here that did not repeat; a failing answer is logged in full.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                Operations.given().when().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                        .body("checks.find { it.name == 'Artemis JMS health check' }.status",
                                org.hamcrest.Matchers.equalTo("UP")));
        assertThat(counter("cancel_jms_received_total")).isPositive();
        assertThat(counter("cancel_jms_results_total")).isPositive();
        Operations.given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("cancel_jms_invalid_total"))
                .body(org.hamcrest.Matchers.containsString("cancel_jms_rolled_back_total"))
                .body(org.hamcrest.Matchers.containsString(
                        "cancel_requests_total{channel=\"jms\",outcome=\"CANCELLED\",provider=\"hyperswitch\""));
    }

    /** The last rollback is counted just after the broker has moved the message to the dead-letter queue. */
    private static void assertRolledBackFiveTimes(double before) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(counter("cancel_jms_rolled_back_total") - before).isEqualTo(5));
    }

    private static String deadLetterQueue() {
        return "DLQ." + queueName("request-queue");
    }

    /** A metric's value, all its series together. */
    private static void correlate(Message message, String correlationId) {
        try {
            message.setJMSCorrelationID(correlationId);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    static double counter(String name) {
        return seriesStarting(name + " ") + seriesStarting(name + "{");
    }

    /** The sum of the series whose lines start so: a metric's name with the first of its labels, say. */
    static double seriesStarting(String start) {
        String metrics = Operations.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(start))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
