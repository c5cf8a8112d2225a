package io.cancelgateway.e2e;

import io.quarkus.test.junit.QuarkusTest;

/** The JMS channel on the service's embedded broker (the default, {@code cancel.jms.embedded=true}). */
@QuarkusTest
class EmbeddedBrokerJmsTest extends JmsChannelContract {
}
