package io.cancelgateway.e2e;

import io.cancelgateway.jms.StandaloneArtemisResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The JMS channel on an external broker ({@code cancel.jms.embedded=false}): a standalone Artemis broker in its own
 * process, configured with the address settings the README gives operators, so the broker, not the service, redelivers
 * and dead-letters.
 */
@QuarkusTest
@WithTestResource(StandaloneArtemisResource.class)
class ExternalBrokerJmsTest extends JmsChannelContract {
}
