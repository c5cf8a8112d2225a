package io.cancelgateway.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cancelgateway.packaged.PackagedService;

/**
 * The external broker the JMS channel tests can run against, proven with a plain JMS client: it is reachable with the
 * configuration {@link StandaloneArtemisResource} hands to Quarkus, requires a login, and applies the request queue's
 * address settings the README gives operators (redelivery after a delay, dead letter after 5 deliveries), word for
 * word, as it does the README's least-privilege settings (tried by {@code ExternalBrokerPrivilegeTest}).
 */
class StandaloneArtemisTest {

    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(5);
    /** The redelivery delay in {@value StandaloneArtemis#ADDRESS_SETTINGS}, less a margin for clock granularity. */
    private static final Duration REDELIVERY_DELAY = Duration.ofMillis(900);

    private static final StandaloneArtemisResource BROKER = new StandaloneArtemisResource();
    private static Map<String, String> configuration;

    @BeforeAll
    static void startBroker() {
        configuration = BROKER.start();
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { StandaloneArtemis.ADDRESS_SETTINGS, StandaloneArtemis.ADDRESSES,
            StandaloneArtemis.SECURITY_SETTINGS, StandaloneArtemis.CORE_SETTINGS, StandaloneArtemis.ROLES })
    void theReadmeShowsOperatorsTheConfigurationTheTestedBrokerRunsWith(String resource) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String language = resource.substring(resource.lastIndexOf('.') + 1);
        try (InputStream snippet = StandaloneArtemis.class.getResourceAsStream(resource)) {
            String text = new String(snippet.readAllBytes(), StandardCharsets.UTF_8).strip();

            assertThat(readme).as("README.md shows %s as a %s snippet", resource, language)
                    .contains("```" + language + "\n" + text + "\n```");
        }
    }

    @Test
    void theConfigurationHandedToQuarkusReachesTheBroker() throws JMSException {
        assertThat(configuration).containsEntry("cancel.jms.embedded", "false")
                .containsKeys("quarkus.artemis.url", "quarkus.artemis.username", "quarkus.artemis.password");
        assertThat(configuration.get("quarkus.artemis.url")).matches("tcp://127\\.0\\.0\\.1:\\d+");

        assertThat(roundTrip(configuration.get("quarkus.artemis.url"), "cancel.results"))
                .as("a message sent to the broker comes back").isTrue();
    }

    @Test
    void aConnectionWithoutValidCredentialsIsRefused() {
        String url = configuration.get("quarkus.artemis.url");
        String user = configuration.get("quarkus.artemis.username");

        assertThatThrownBy(() -> new ActiveMQConnectionFactory(url, user, "wrong").createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(url).createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aFailoverUrlListingAClusterConnectsThroughTheMemberThatIsUp() throws Exception {
        int down = PackagedService.freePort();
        String url = "(tcp://127.0.0.1:" + down + "," + configuration.get("quarkus.artemis.url")
                + ")?ha=true&reconnectAttempts=-1&retryInterval=100";

        assertThat(roundTrip(url, "cancel.results")).as("a message sent through the failover URL comes back").isTrue();
    }

    @Test
    void aRequestRolledBackFiveTimesIsRedeliveredAfterADelayThenMovedToTheDeadLetterQueue() throws JMSException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = connectionFactory(configuration.get("quarkus.artemis.url")).createConnection()) {
            connection.start();
            Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage request = sending.createTextMessage("{\"request_id\":\"" + id + "\"}");
            request.setStringProperty("test_id", id);
            sending.createProducer(sending.createQueue("cancel.requests")).send(request);
            String messageId = request.getJMSMessageID();

            Session consuming = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer requests = consuming.createConsumer(consuming.createQueue("cancel.requests"),
                    "test_id = '" + id + "'");
            List<Integer> deliveryCounts = new ArrayList<>();
            List<Long> receivedAt = new ArrayList<>();
            Message delivery;
            while (deliveryCounts.size() < 5 && (delivery = requests.receive(RECEIVE_TIMEOUT.toMillis())) != null) {
                receivedAt.add(System.nanoTime());
                deliveryCounts.add(delivery.getIntProperty("JMSXDeliveryCount"));
                consuming.rollback();
            }

            assertThat(deliveryCounts).containsExactly(1, 2, 3, 4, 5);
            for (int i = 1; i < receivedAt.size(); i++) {
                assertThat(Duration.ofNanos(receivedAt.get(i) - receivedAt.get(i - 1)))
                        .as("time before redelivery %d", i + 1).isGreaterThanOrEqualTo(REDELIVERY_DELAY);
            }

            Session reading = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue deadLetters = reading.createQueue("DLQ.cancel.requests");
            Message deadLetter = reading.createConsumer(deadLetters, "test_id = '" + id + "'")
                    .receive(RECEIVE_TIMEOUT.toMillis());
            assertThat(deadLetter).as("the request on DLQ.cancel.requests").isNotNull();
            assertThat(deadLetter.getJMSMessageID()).as("the JMSMessageID a client selects it by").isEqualTo(messageId);
            assertThat(((TextMessage) deadLetter).getText()).isEqualTo("{\"request_id\":\"" + id + "\"}");
            assertThat(deadLetter.getStringProperty("_AMQ_ORIG_ADDRESS")).isEqualTo("cancel.requests");
        }
    }

    /** Sends a message to the queue and reads it back, over a connection to the given URL. */
    private static boolean roundTrip(String url, String queueName) throws JMSException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = connectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(queueName);
            TextMessage sent = session.createTextMessage(id);
            sent.setStringProperty("test_id", id);
            session.createProducer(queue).send(sent);
            Message received = session.createConsumer(queue, "test_id = '" + id + "'")
                    .receive(RECEIVE_TIMEOUT.toMillis());
            return received instanceof TextMessage text && id.equals(text.getText());
        }
    }

    private static ActiveMQConnectionFactory connectionFactory(String url) {
        return new ActiveMQConnectionFactory(url, configuration.get("quarkus.artemis.username"),
                configuration.get("quarkus.artemis.password"));
    }
}
