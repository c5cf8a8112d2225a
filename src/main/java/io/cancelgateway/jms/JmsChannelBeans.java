package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

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
        return JmsComponent.jmsComponent(connectionFactory);
    }
}
