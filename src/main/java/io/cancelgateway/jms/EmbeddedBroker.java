package io.cancelgateway.jms;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

/**
 * The Artemis broker inside the service ({@code cancel.jms.embedded=true}): a persistent journal under
 * {@code ${cancel.data-dir}/broker}, listening on the host and port of {@code quarkus.artemis.url} so that ERPs in
 * other processes can connect, with one user (the service's own credentials). It is started when the JMS component is
 * created, before any connection is made, and stopped after Camel has stopped consuming.
 */
@Singleton
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

    private static final String DEAD_LETTERS = "DLQ";
    private static final String EXPIRED = "ExpiryQueue";

    private final EmbeddedActiveMQ broker;

    public EmbeddedBroker(JmsChannelConfig config,
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
        this.broker = new EmbeddedActiveMQ()
                .setConfiguration(configuration(config, address, directory))
                .setSecurityManager(new SingleUserSecurity(username.get(), password.get()));
        broker.start();
        LOG.infof("embedded JMS broker listening on %s, journal in %s", address.acceptorUrl(), directory);
    }

    private static Configuration configuration(JmsChannelConfig config, BrokerAddress address, Path directory)
            throws Exception {
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
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("cancel-gateway", address.acceptorUrl());
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
