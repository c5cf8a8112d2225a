package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

import io.quarkus.arc.ClientProxy;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.jboss.logging.Logger;

/** Camel's JMS component on the Artemis client's connection factory ({@code quarkus.artemis.*}). */
@ApplicationScoped
public class JmsChannelBeans {

    private static final Logger LOG = Logger.getLogger(JmsChannelBeans.class);

    /**
     * Camel creates its endpoints, and so this component, before any consumer connects: taking the embedded broker as
     * a parameter starts it first, whatever order Quarkus and Camel start in.
     */
    @Produces
    @Singleton
    @Named("jms")
    JmsComponent jms(ConnectionFactory connectionFactory, EmbeddedBroker broker) {
        if (ClientProxy.unwrap(connectionFactory) instanceof ActiveMQConnectionFactory artemis
                && !artemis.isCacheDestinations()) {
            // A session keeps the queues it looked up by name (the result and invalid queues): without it, every
            // answer asked the broker about its queue first, a round trip per answer.
            try {
                artemis.setCacheDestinations(true);
            } catch (IllegalStateException alreadyUsed) {
                LOG.warnf("the JMS connection factory was used before the JMS channel was set up, so its sessions look "
                        + "queues up at the broker at every answer; add cacheDestinations=true to quarkus.artemis.url");
            }
        }
        return JmsComponent.jmsComponent(connectionFactory);
    }
}
