package io.cancelgateway.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    @Test
    void theEmbeddedBrokerListensWhereTheServiceConnects() {
        assertThat(BrokerAddress.of("tcp://localhost:61616")).isEqualTo(new BrokerAddress("localhost", 61616));
        assertThat(BrokerAddress.of("tcp://0.0.0.0:61617?consumerWindowSize=0").acceptorUrl())
                .isEqualTo("tcp://0.0.0.0:61617");
        assertThat(BrokerAddress.of("tcp://[::1]:61616").acceptorUrl()).isEqualTo("tcp://[::1]:61616");
    }

    @Test
    void anythingButOneTcpAddressIsRefusedNamingTheProperty() {
        for (String url : new String[] { "(tcp://a:61616,tcp://b:61616)?ha=true", "tcp://localhost", "vm://0",
                "localhost:61616" }) {
            assertThatThrownBy(() -> BrokerAddress.of(url)).as(url).hasMessageContaining("quarkus.artemis.url");
        }
    }
}
