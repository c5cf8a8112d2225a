package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

import io.quarkus.arc.ClientProxy;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;

/** Camel's JMS component on the Artemis client's connection factory ({@code quarkus.artemis.*}). */
@ApplicationScoped
public class JmsChannelBeans {

    /**
     * Camel creates its endpoints, and so this component, before any consumer connects: taking the embedded broker as
     * a parameter starts it first, whatever order Quarkus and Camel start in.
     */
    @Produces
    @Singleton
    @Named("jms")
    JmsComponent jms(ConnectionFactory connectionFactory, EmbeddedBroker broker) {
        if (ClientProxy.unwrap(connectionFactory) instanceof ActiveMQConnectionFactory artemis) {
            // A session keeps the queues it looked up by name (the result and invalid queues): without it, every
            // answer asked the broker about its queue first, a round trip and a third of a JMS cancel's CPU.
            artemis.setCacheDestinations(true);
        }
        return JmsComponent.jmsComponent(connectionFactory);
    }
}
