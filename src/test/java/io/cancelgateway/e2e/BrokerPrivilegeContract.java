package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.ErpJmsClient.correlatedWith;
import static io.cancelgateway.e2e.ErpJmsClient.queueName;
import static io.cancelgateway.e2e.ErpJmsClient.text;
import static io.cancelgateway.e2e.JmsChannelContract.counter;
import static io.cancelgateway.e2e.RestCancelTest.simulatorCalls;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQQueue;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * What a client's broker user may do on the broker, tried with a plain JMS client: send requests and read its own
 * answers under its reply prefix, nothing else. Two clients, {@code erp-a} and {@code erp-b}, have broker users of
 * their own; the service's user reads what they may not, to show where their answers went. Each subclass names the
 * broker.
 */
abstract class BrokerPrivilegeContract {

    static final String ERP_A = "erp-a";
    static final String ERP_A_PASSWORD = "erp-a-broker-secret";
    static final String ERP_B = "erp-b";
    static final String ERP_B_PASSWORD = "erp-b-broker-secret";
    static final String ERP_A_REPLIES = "cancel.replies.erp-a.";
    static final String ERP_B_REPLIES = "cancel.replies.erp-b.";

    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final Duration NOTHING = Duration.ofMillis(700);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two clients with broker users of their own. */
    public static class TwoClients implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("cancel.clients.erp-a.api-key", "erp-a-api-key"),
                    Map.entry("cancel.clients.erp-a.merchants", "merchant-a"),
                    Map.entry("cancel.clients.erp-a.jms-user", ERP_A),
                    Map.entry("cancel.clients.erp-a.jms-password", ERP_A_PASSWORD),
                    Map.entry("cancel.clients.erp-b.api-key", "erp-b-api-key"),
                    Map.entry("cancel.clients.erp-b.merchants", "merchant-b"),
                    Map.entry("cancel.clients.erp-b.jms-user", ERP_B),
                    Map.entry("cancel.clients.erp-b.jms-password", ERP_B_PASSWORD),
                    // Clients limited to merchants call with their merchants' own credentials only.
                    Map.entry("cancel.providers.kwikpaisa.merchants.merchant-a.api-key", "pk_sim_kwikpaisa"),
                    Map.entry("cancel.providers.kwikpaisa.merchants.merchant-a.secret-key", "sk_sim_kwikpaisa"),
                    Map.entry("cancel.providers.kwikpaisa.merchants.merchant-b.api-key", "pk_sim_kwikpaisa"),
                    Map.entry("cancel.providers.kwikpaisa.merchants.merchant-b.secret-key", "sk_sim_kwikpaisa"));
        }
    }

    private ErpJmsClient erpA;
    private ErpJmsClient service;

    @BeforeEach
    void connect() {
        erpA = ErpJmsClient.connectAs(ERP_A, ERP_A_PASSWORD);
        service = ErpJmsClient.connect();
    }

    @AfterEach
    void disconnect() {
        erpA.close();
        service.close();
    }

    @Test
    void aClientSendsARequestAndReadsItsAnswerOnItsReplyQueue() throws Exception {
        String replies = ERP_A_REPLIES + "orders";
        String reference = unique("erp-a-");
        String messageId = erpA.sendText(request("merchant-a", reference), replyTo(erpA.queue(replies)));

        Message answer = erpA.receive(replies, correlatedWith(messageId), ANSWER);

        assertThat(answer).as("the answer on the client's own reply queue").isNotNull();
        JsonNode result = JSON.readTree(text(answer));
        assertThat(result.path("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(result.path("reference").asText()).isEqualTo(reference);
        assertThat(simulatorCalls("kwikpaisa", reference)).isEqualTo(1);
    }

    @Test
    void aClientsJmsRequestsRunForItsOwnMerchantsUnderItsOwnRequestIds() throws Exception {
        String replies = ERP_A_REPLIES + "tenancy";
        String foreign = unique("erp-a-foreign-");
        String forbidden = erpA.sendText(request("merchant-b", foreign), replyTo(erpA.queue(replies)));
        JsonNode refused = JSON.readTree(text(erpA.receive(replies, correlatedWith(forbidden), ANSWER)));
        assertThat(refused.path("outcome").asText()).isEqualTo("INVALID");
        assertThat(refused.path("error").asText())
                .startsWith("forbidden: client erp-a may not cancel for merchant merchant-b");
        assertThat(simulatorCalls("kwikpaisa", foreign)).isZero();

        // erp-b's REST request under an id that erp-a then uses on JMS: neither sees nor replays the other's.
        String requestId = unique("shared-");
        String forB = unique("erp-b-");
        io.restassured.RestAssured.given().header("X-Api-Key", "erp-b-api-key")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("request_id", requestId, "provider", "kwikpaisa", "merchant_id", "merchant-b",
                        "reference", forB))
                .when().post("/api/v1/cancellations").then().statusCode(200);
        String forA = unique("erp-a-");
        String sent = erpA.sendText("{\"request_id\":\"" + requestId + "\",\"provider\":\"kwikpaisa\","
                + "\"merchant_id\":\"merchant-a\",\"reference\":\"" + forA + "\"}", replyTo(erpA.queue(replies)));
        JsonNode answered = JSON.readTree(text(erpA.receive(replies, correlatedWith(sent), ANSWER)));

        assertThat(answered.path("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(answered.path("replayed").asBoolean()).isFalse();
        assertThat(answered.path("reference").asText()).isEqualTo(forA);
        assertThat(simulatorCalls("kwikpaisa", forA)).isEqualTo(1);
        io.restassured.RestAssured.given().header("X-Api-Key", "erp-b-api-key")
                .when().get("/api/v1/cancellations/" + requestId).then().statusCode(200)
                .body("reference", org.hamcrest.Matchers.equalTo(forB));
        io.restassured.RestAssured.given().header("X-Api-Key", "erp-a-api-key")
                .when().get("/api/v1/cancellations/" + requestId).then().statusCode(200)
                .body("reference", org.hamcrest.Matchers.equalTo(forA)).body("channel", org.hamcrest.Matchers
                        .equalTo("jms"));
    }

    @Test
    void aClientReadsNothingButItsOwnReplyQueues() throws Exception {
        String othersReplies = ERP_B_REPLIES + "orders";
        try (ErpJmsClient erpB = ErpJmsClient.connectAs(ERP_B, ERP_B_PASSWORD)) {
            erpB.receive(othersReplies, null, Duration.ofMillis(10));
        }
        for (String queue : List.of(othersReplies, queueName("result-queue"), queueName("invalid-queue"),
                queueName("request-queue"), "DLQ." + queueName("request-queue"), "DLQ", "ExpiryQueue")) {
            assertThatThrownBy(() -> erpA.receive(queue, null, Duration.ofMillis(10)))
                    .as("consuming %s", queue).isInstanceOf(JMSSecurityRuntimeException.class);
            assertThatThrownBy(() -> erpA.browse(queue))
                    .as("browsing %s", queue).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aClientCreatesQueuesUnderItsReplyPrefixOnly() {
        assertThat(erpA.receive(ERP_A_REPLIES + unique("new-"), null, Duration.ofMillis(10)))
                .as("a new queue of its own, created as it is consumed").isNull();

        assertThatThrownBy(() -> erpA.receive(unique("erp-a.private-"), null, Duration.ofMillis(10)))
                .as("a queue outside its prefix").isInstanceOf(JMSSecurityRuntimeException.class);
        assertThatThrownBy(() -> erpA.temporaryQueue())
                .as("a temporary queue, named at random").isInstanceOf(JMSSecurityRuntimeException.class);
        // On an address of its own, a queue named like another client's reply queue: it would take that name away.
        String squatted = ERP_B_REPLIES + unique("squatted-");
        assertThatThrownBy(() -> erpA.receive(ERP_A_REPLIES + "any::" + squatted, null, Duration.ofMillis(10)))
                .as("a queue named outside its prefix").isInstanceOf(JMSSecurityRuntimeException.class)
                .hasMessageContaining("may create queues named " + ERP_A_REPLIES);
    }

    @Test
    void aClientSendsToTheRequestQueueOnly() {
        for (String queue : List.of(ERP_A_REPLIES + "orders", ERP_B_REPLIES + "orders", queueName("result-queue"),
                queueName("invalid-queue"), unique("erp-a.elsewhere-"))) {
            assertThatThrownBy(() -> erpA.sendTextTo(queue, "{}"))
                    .as("sending to %s", queue).isInstanceOf(JMSSecurityRuntimeException.class);
        }
    }

    @Test
    void aClientCannotManageTheBroker() throws Exception {
        String made = unique("made-by-erp-a-");
        String replies = ERP_A_REPLIES + "management";
        Message createQueue = erpA.message();
        JMSManagementHelper.putOperationInvocation(createQueue, "broker", "createQueue", made, "ANYCAST", made, null,
                true, -1, false, true);

        assertThatThrownBy(() -> erpA.sendTo("activemq.management", createQueue, replyTo(erpA.queue(replies))))
                .isInstanceOf(JMSSecurityRuntimeException.class);

        assertThat(erpA.receive(replies, null, NOTHING)).as("no management answer").isNull();
        assertThat(queueNames()).as("what the service's user sees").isNotEmpty().doesNotContain(made);
    }

    @Test
    void aMessageOverTheBrokerLimitIsRefusedWhenSent() throws Exception {
        double receivedBefore = counter("cancel_jms_received_total");
        byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
        Arrays.fill(twentyMegabytes, (byte) 'x');

        assertThatThrownBy(() -> erpA.sendTo(queueName("request-queue"), erpA.bytesMessage(twentyMegabytes), m -> {
        })).isInstanceOf(JMSRuntimeException.class).hasMessageContaining("limit");

        Thread.sleep(NOTHING.toMillis());
        assertThat(counter("cancel_jms_received_total")).as("no request reached the service")
                .isEqualTo(receivedBefore);
    }

    @Test
    void aCompressedMessageIsRefusedWhenSent() {
        try (ErpJmsClient compressing = ErpJmsClient.connectAs(ERP_A, ERP_A_PASSWORD,
                factory -> factory.setCompressLargeMessage(true))) {
            byte[] expands = new byte[512 * 1024];
            Arrays.fill(expands, (byte) ' ');

            assertThatThrownBy(() -> compressing.sendTo(queueName("request-queue"), compressing.bytesMessage(expands),
                    m -> {
                    })).isInstanceOf(JMSRuntimeException.class).hasMessageContaining("compressed");
        }
    }

    @Test
    void aRequestOverTheBodyLimitButNotTheBrokersIsAnsweredInvalid() throws Exception {
        String replies = ERP_A_REPLIES + "orders";
        String messageId = erpA.sendText(request("merchant-a", "x".repeat(70_000)), replyTo(erpA.queue(replies)));

        Message answer = erpA.receive(replies, correlatedWith(messageId), ANSWER);

        assertThat(answer.getStringProperty("outcome")).isEqualTo("INVALID");
        assertThat(JSON.readTree(text(answer)).path("error").asText()).contains("cancel.jms.max-message-bytes");
    }

    @Test
    void anAnswerIsNeverSentWhereItsClientMayNotReadNorBackAsARequest() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        for (String elsewhere : List.of(queueName("request-queue"), ERP_B_REPLIES + "orders")) {
            String correlationId = unique("erp-a-corr-");
            double receivedBefore = counter("cancel_jms_received_total");
            try (LogCapture capture = LogCapture.start(logged::add)) {
                erpA.sendText(request("merchant-a", unique("erp-a-")), replyTo(erpA.queue(elsewhere), correlationId));

                Message answer = service.receive(queueName("result-queue"), correlatedWith(correlationId), ANSWER);

                assertThat(answer).as("answered on the result queue instead of %s", elsewhere).isNotNull();
                assertThat(service.receive(queueName("result-queue"), correlatedWith(correlationId), NOTHING))
                        .as("one answer, none of it read back as a request").isNull();
            }
            assertThat(counter("cancel_jms_received_total") - receivedBefore).as("requests received").isEqualTo(1);
            assertThat(logged).anyMatch(line -> line.startsWith("WARN ") && line.contains("client=erp-a")
                    && line.contains("its JMSReplyTo " + elsewhere + " is outside"));
        }
        assertThat(service.receive(ERP_B_REPLIES + "orders", null, NOTHING)).as("nothing for erp-b").isNull();
    }

    @Test
    void aClientsRequestWithoutReplyToIsAnsweredOnTheResultQueueWithAWarning() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        try (LogCapture capture = LogCapture.start(logged::add)) {
            String messageId = erpA.sendText(request("merchant-a", unique("erp-a-")));

            assertThat(service.receive(queueName("result-queue"), correlatedWith(messageId), ANSWER)).isNotNull();
        }
        assertThat(logged).anyMatch(line -> line.startsWith("WARN ") && line.contains("client=erp-a")
                && line.contains("named no JMSReplyTo"));
    }

    @Test
    void aClientUserWithAnotherPasswordIsRefused() {
        assertThatThrownBy(() -> ErpJmsClient.connectAs(ERP_A, ERP_B_PASSWORD))
                .isInstanceOf(JMSSecurityRuntimeException.class);
    }

    @Test
    void artemisClusterUserWithItsPublicDefaultPasswordIsRefused() {
        // That user passes every permission check: with the default password anyone could do everything.
        assertThatThrownBy(() -> ErpJmsClient.connectAs("ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!"))
                .isInstanceOf(JMSRuntimeException.class).hasMessageContaining("Unable to authenticate cluster user");
    }

    static String request(String merchant, String reference) {
        return "{\"provider\":\"kwikpaisa\",\"merchant_id\":\"" + merchant + "\",\"reference\":\"" + reference + "\"}";
    }

    static Consumer<Message> replyTo(Queue queue) {
        return replyTo(queue, null);
    }

    static Consumer<Message> replyTo(Queue queue, String correlationId) {
        return message -> {
            try {
                message.setJMSReplyTo(queue);
                if (correlationId != null) {
                    message.setJMSCorrelationID(correlationId);
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The broker's queues, asked through its management address as the service's user. */
    private static List<String> queueNames() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                config.getValue("quarkus.artemis.url", String.class),
                config.getValue("quarkus.artemis.username", String.class),
                config.getValue("quarkus.artemis.password", String.class));
                QueueConnection connection = factory.createQueueConnection()) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueRequestor requestor = new QueueRequestor(session, new ActiveMQQueue("activemq.management"));
            connection.start();
            Message ask = session.createMessage();
            JMSManagementHelper.putOperationInvocation(ask, "broker", "getQueueNames");
            Object[] names = (Object[]) JMSManagementHelper.getResult(requestor.request(ask));
            return Arrays.stream(names).map(String::valueOf).toList();
        }
    }
}
