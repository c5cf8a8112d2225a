package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cancelgateway.call.CallSlots.Taking;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** What a call that found no slot is told, by why it found none. */
class AdmitCallTest {

    private static final ProviderSettings SETTINGS = new ProviderSettings(Provider.HYPERSWITCH,
            new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                    "cancel.providers.hyperswitch.base-url", "http://127.0.0.1:1",
                    "cancel.providers.hyperswitch.max-concurrent-calls", "3",
                    "cancel.providers.hyperswitch.max-queue-wait", "PT0.25S"), "test", 100)).build());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "REFUSED | hyperswitch is busy: all its 3 calls are in flight and none ended within 250 ms",
            "STOPPED | hyperswitch was not called: the service is stopping",
    })
    void aCallWithoutASlotIsToldWhy(Taking taking, String reason) {
        CallRefused refused = AdmitCall.refusal(taking, SETTINGS, "hyperswitch");

        assertThat(refused).hasMessage(reason);
        assertThat(refused.timedOut()).isFalse();
    }
}
