package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A provider's deadline against the idempotency takeover, the status check's lease and the HTTP idle timeout. */
class CallDeadlinesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "[{index}] deadline {0}, stale-after {1}, lease {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "PT45S       | PT2M  | PT5M | -",
            "PT1M59.999S | PT2M  | PT5M | -",
            "PT2M        | PT2M  | PT5M | (PT2M) must be shorter than cancel.idempotency.stale-after (PT2M): a duplicate "
                    + "would take over a cancel still calling the provider and call it again",
            "PT45S       | PT30S | PT5M | (PT45S) must be shorter than cancel.idempotency.stale-after (PT30S): a "
                    + "duplicate would take over a cancel still calling the provider and call it again",
            "PT10M       | PT1H  | PT5M | (PT10M) must be shorter than cancel.sync.lease (PT5M): another instance would "
                    + "check a result whose status check is still running",
    })
    void aDeadlineAsLongAsATakeoverStopsTheService(Duration deadline, Duration staleAfter, Duration lease,
            String refusal) {
        List<ProviderSettings> providers = List.of(settings(Provider.HYPERSWITCH, Duration.ofSeconds(1)),
                settings(Provider.KWIKPAISA, deadline));

        if (refusal == null) {
            assertThatCode(() -> CallDeadlines.check(providers, staleAfter, lease, Duration.ofHours(1), WAIT))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CallDeadlines.check(providers, staleAfter, lease, Duration.ofHours(1), WAIT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cancel.providers.kwikpaisa.deadline " + refusal);
        }
    }

    @ParameterizedTest(name = "[{index}] deadline {0}, wait {1}, idle timeout {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "PT45S | PT30S | PT90S | -",
            "PT45S | PT30S | PT0S  | -",
            "PT45S | PT30S | PT75S | cancel.idempotency.wait (PT30S) plus cancel.providers.kwikpaisa.deadline (PT1M15S) "
                    + "must be shorter than quarkus.http.idle-timeout (PT1M15S): the HTTP server would close a REST "
                    + "caller's connection before its answer",
            "PT45S | PT30S | PT60S | cancel.idempotency.wait (PT30S) plus cancel.providers.kwikpaisa.deadline (PT1M15S) "
                    + "must be shorter than quarkus.http.idle-timeout (PT1M): the HTTP server would close a REST "
                    + "caller's connection before its answer",
            "PT5S  | PT30S | PT30S | cancel.idempotency.wait (PT30S) plus cancel.providers.kwikpaisa.deadline (PT35S) "
                    + "must be shorter than quarkus.http.idle-timeout (PT30S): the HTTP server would close a REST "
                    + "caller's connection before its answer",
    })
    void aRestAnswerTheHttpServerWouldCutOffStopsTheService(Duration deadline, Duration wait, Duration idleTimeout,
            String refusal) {
        // A duplicate may wait for the run in progress, then take a stale one over and call the provider.
        List<ProviderSettings> providers = List.of(settings(Provider.KWIKPAISA, deadline));

        if (refusal == null) {
            assertThatCode(() -> CallDeadlines.check(providers, Duration.ofHours(1), Duration.ofHours(1),
                    idleTimeout, wait)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CallDeadlines.check(providers, Duration.ofHours(1), Duration.ofHours(1),
                    idleTimeout, wait)).isInstanceOf(IllegalStateException.class).hasMessage(refusal);
        }
    }

    private static ProviderSettings settings(Provider provider, Duration deadline) {
        String prefix = "cancel.providers." + provider.id() + ".";
        return new ProviderSettings(provider, new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                prefix + "base-url", "http://127.0.0.1:1",
                prefix + "deadline", deadline.toString()), "test", 100)).build());
    }
}
