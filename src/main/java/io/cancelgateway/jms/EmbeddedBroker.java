package io.cancelgateway.jms;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cancelgateway.client.BrokerUser;

/**
 * The Artemis broker inside the service ({@code cancel.jms.embedded=true}): a persistent journal under
 * {@code ${cancel.data-dir}/broker}, listening on the host and port of {@code quarkus.artemis.url} so that ERPs in
 * other processes can connect. The service's own user may do everything; each client's broker user only what
 * {@link BrokerPermissions} allows, its queues named under its reply prefix ({@link ClientQueueNames}). Every message
 * carries the user that sent it (JMSXUserID), and a request message over {@code cancel.jms.max-stored-message-bytes}
 * is refused when sent ({@link RequestSizeLimit}). It is started when the JMS component is created, before any
 * connection is made, and stopped after Camel has stopped consuming.
 */
@Singleton
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

    /** The broker's own dead-letter and expiry queues, as a standalone Artemis broker has them. */
    static final String DEAD_LETTERS = "DLQ";
    static final String EXPIRED = "ExpiryQueue";

    private final EmbeddedActiveMQ broker;

    public EmbeddedBroker(JmsChannelConfig config, ReplyPrefixes replyPrefixes,
            @ConfigProperty(name = "cancel.data-dir") String dataDir,
            @ConfigProperty(name = "quarkus.artemis.url") String url,
            @ConfigProperty(name = "quarkus.artemis.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.artemis.password") Optional<String> password) throws Exception {
        if (!config.embedded()) {
            this.broker = null;
            return;
        }
        if (username.filter(name -> !name.isBlank()).isEmpty() || password.filter(p -> !p.isBlank()).isEmpty()) {
            throw new IllegalStateException("the embedded JMS broker requires a user: set quarkus.artemis.username and "
                    + "quarkus.artemis.password (or cancel.jms.embedded=false to use an external broker)");
        }
        BrokerAddress address = BrokerAddress.of(url);
        Path directory = Path.of(dataDir, "broker").toAbsolutePath();
        List<BrokerUser> clientUsers = replyPrefixes.brokerUsers();
        this.broker = new EmbeddedActiveMQ()
                .setConfiguration(configuration(config, address, directory, clientUsers))
                .setSecurityManager(new BrokerAccounts(username.get(), password.get(), clientUsers));
        broker.start();
        LOG.infof("embedded JMS broker listening on %s, journal in %s, %d client broker users", address.acceptorUrl(),
                directory, clientUsers.size());
    }

    private static Configuration configuration(JmsChannelConfig config, BrokerAddress address, Path directory,
            List<BrokerUser> clientUsers) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("cancel-gateway")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setNodeManagerLockDirectory(directory.toString())
                .setSecurityEnabled(true)
                .setSecurityRoles(BrokerPermissions.of(config.requestQueue(), clientUsers))
                .setPopulateValidatedUser(true)
                // Artemis's cluster user passes every permission check; its default password is public.
                .setClusterPassword(UUID.randomUUID().toString())
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("cancel-gateway", address.acceptorUrl());
        configuration.registerBrokerPlugin(new RequestSizeLimit(config.requestQueue(), config.maxStoredMessageBytes()));
        configuration.registerBrokerPlugin(new ClientQueueNames(clientUsers.stream()
                .collect(Collectors.toMap(BrokerUser::user, user -> user.client().replyPrefix()))));
        // As a standalone Artemis broker's default: a message no consumer could take, or that expired, is kept aside.
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(EXPIRED)));
        // Redelivery and dead letters of requests, as an operator sets them on an external broker (see the README).
        configuration.addAddressSetting(config.requestQueue(), new AddressSettings()
                .setRedeliveryDelay(config.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(config.redeliveryMultiplier())
                .setMaxRedeliveryDelay(config.maxRedeliveryDelay().toMillis())
                .setMaxDeliveryAttempts(config.maxDeliveryAttempts())
                .setDeadLetterAddress(SimpleString.of(config.deadLetterQueue())));
        for (String queue : List.of(config.requestQueue(), config.resultQueue(), config.invalidQueue(),
                config.deadLetterQueue(), DEAD_LETTERS, EXPIRED)) {
            configuration.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
        }
        return configuration;
    }

    @PreDestroy
    void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            LOG.info("embedded JMS broker stopped");
        }
    }
}
