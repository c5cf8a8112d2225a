package io.cancelgateway.flow;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.provider.Provider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts cancels by provider, outcome and channel, and status checks by provider and what they found; times provider
 * calls (cancels and status checks) by provider.
 */
@ApplicationScoped
public class CancelMetrics {

    private final MeterRegistry registry;

    public CancelMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counts a cancel answered on the channel, a replay included (its outcome is the stored one). A provider that is
     * none of the gateway's (an invalid request names what it likes) is counted as {@code unknown}: a label is never a
     * caller's text, and the series stay as few as the providers.
     */
    public void cancelCompleted(CancelResult result, Channel channel) {
        registry.counter("cancel.requests",
                "provider", result.provider() == null ? "none"
                        : Provider.byId(result.provider()).map(Provider::id).orElse("unknown"),
                "outcome", result.outcome().name(),
                "channel", channel.id(),
                "replayed", String.valueOf(result.replayed())).increment();
    }

    /**
     * Counts a status check of a followed result by what it found: the target's outcome, or {@code ERROR} when the
     * check got no usable answer.
     */
    public void statusChecked(String provider, String found) {
        registry.counter("cancel.sync", "provider", provider, "outcome", found).increment();
    }

    /** Receives the duration of every HTTP call made to the provider. */
    public Consumer<Duration> providerCallTimer(Provider provider) {
        Timer timer = Timer.builder("cancel.provider.calls")
                .description("HTTP calls made to a provider, each attempt counted")
                .tag("provider", provider.id())
                .register(registry);
        return timer::record;
    }
}
