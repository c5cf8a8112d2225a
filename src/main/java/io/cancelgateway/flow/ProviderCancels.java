package io.cancelgateway.flow;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;

import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderConnector;
import io.cancelgateway.provider.ProviderSettings;

/**
 * The per-provider cancel steps the content-based router sends requests to, by the names the routes use. Built at
 * startup so that a provider's broken configuration (a missing base URL, say) stops the service with a message naming
 * the property instead of failing the first request.
 */
@Startup
@ApplicationScoped
public class ProviderCancels {

    private final Map<Provider, ProviderCancel> cancels = new EnumMap<>(Provider.class);

    public ProviderCancels(Instance<ProviderConnector> connectors, Config config, RetryConfig retry,
            CancelMetrics metrics) {
        for (Provider provider : Provider.values()) {
            ProviderConnector connector = connectors.stream()
                    .filter(candidate -> candidate.provider() == provider)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no connector for provider " + provider.id()));
            cancels.put(provider,
                    new ProviderCancel(connector, new ProviderSettings(provider, config), retry.policy(), metrics));
        }
    }

    @Produces
    @Singleton
    @Named("juspayOrderCancel")
    ProviderCancel juspayOrder() {
        return cancelAt(Provider.JUSPAY_ORDER);
    }

    @Produces
    @Singleton
    @Named("juspayPayoutCancel")
    ProviderCancel juspayPayout() {
        return cancelAt(Provider.JUSPAY_PAYOUT);
    }

    @Produces
    @Singleton
    @Named("kwikpaisaCancel")
    ProviderCancel kwikpaisa() {
        return cancelAt(Provider.KWIKPAISA);
    }

    @Produces
    @Singleton
    @Named("hyperswitchCancel")
    ProviderCancel hyperswitch() {
        return cancelAt(Provider.HYPERSWITCH);
    }

    private ProviderCancel cancelAt(Provider provider) {
        return cancels.get(provider);
    }
}
