package io.cancelgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What the cancel counter's provider label may be: a provider of the gateway's, none, or unknown; never a caller's. */
class CancelMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CancelMetrics metrics = new CancelMetrics(registry);

    @Test
    void aProviderNoneOfTheGatewaysIsCountedAsUnknownWhateverTheCallerNamed() {
        for (String provider : new String[] { "hyperswitch", null, "no-such-provider", "x".repeat(60_000),
                "a\"}\nfake_metric 1" }) {
            metrics.cancelCompleted(CancelResult.withoutCall(new CancelRequest(null, provider, null, "r", null, null,
                    null), Outcome.INVALID, "invalid"), Channel.REST);
        }

        assertThat(registry.find("cancel.requests").counters()).extracting(meter -> meter.getId().getTag("provider"))
                .containsExactlyInAnyOrder("hyperswitch", "none", "unknown");
        assertThat(registry.find("cancel.requests").tag("provider", "unknown").counter().count()).isEqualTo(3.0);
        assertThat(registry.getMeters()).extracting(Meter::getId).allSatisfy(id -> assertThat(id.getTags())
                .allSatisfy(tag -> assertThat(tag.getValue()).hasSizeLessThan(32)));
    }
}
