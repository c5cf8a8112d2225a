package io.cancelgateway.call;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.cancelgateway.provider.Provider;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every provider's {@link ProviderGuard}. A circuit's state is the gauge {@code cancel_provider_circuit_state{provider}}
 * (0 closed, 1 open, 2 half-open) and each change of it is logged once.
 */
@ApplicationScoped
public class ProviderGuards {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.circuit");

    private final Map<Provider, ProviderGuard> guards = new EnumMap<>(Provider.class);
    private final Map<Provider, ScheduledExecutorService> timers = new EnumMap<>(Provider.class);

    public ProviderGuards(ConfiguredProviders providers, MeterRegistry metrics) {
        for (Provider provider : Provider.values()) {
            // Its own timer thread: a provider's calls refused for lack of a slot are answered from it.
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, provider.id() + "-call-slots");
                thread.setDaemon(true);
                return thread;
            });
            timers.put(provider, timer);
            ProviderGuard guard = new ProviderGuard(providers.settings(provider), timer,
                    (from, to, failuresInARow) -> logChange(provider, from, to, failuresInARow));
            guards.put(provider, guard);
            Gauge.builder("cancel.provider.circuit.state", guard, g -> g.circuit().state(System.nanoTime()).gauge())
                    .description("The provider's circuit breaker: 0 closed, 1 open (calls refused), 2 half-open (a trial)")
                    .tag("provider", provider.id())
                    .register(metrics);
        }
    }

    public ProviderGuard of(Provider provider) {
        return guards.get(provider);
    }

    @PreDestroy
    void stop() {
        // Not shutdownNow: a caller waiting for a slot is still answered when its wait ends, on an uninterrupted thread.
        timers.values().forEach(ScheduledExecutorService::shutdown);
    }

    private static void logChange(Provider provider, ProviderCircuit.State from, ProviderCircuit.State to,
            int failuresInARow) {
        switch (to) {
            case OPEN -> LOG.warnf("provider=%s circuit %s -> OPEN after %d failed calls in a row: its cancels are "
                    + "answered ERROR without a call until a trial call succeeds", provider.id(), from, failuresInARow);
            case HALF_OPEN -> LOG.infof("provider=%s circuit OPEN -> HALF_OPEN: one trial call", provider.id());
            case CLOSED -> LOG.infof("provider=%s circuit %s -> CLOSED: calls resume", provider.id(), from);
        }
    }
}
