package io.cancelgateway.call;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;

import io.cancelgateway.journal.IdempotencyConfig;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderSettings;
import io.cancelgateway.sync.SyncConfig;
import io.quarkus.runtime.Startup;

/**
 * Every provider's API and settings, by provider. Built at startup so that a provider's broken configuration (a missing
 * base URL, or a deadline the journal's takeover would cut short) stops the service with a message naming the property
 * instead of failing the first request.
 */
@Startup
@ApplicationScoped
public class ConfiguredProviders {

    private final Map<Provider, ProviderApi> apis = new EnumMap<>(Provider.class);
    private final Map<Provider, ProviderSettings> settings = new EnumMap<>(Provider.class);

    public ConfiguredProviders(Instance<ProviderApi> apis, Config config, IdempotencyConfig idempotency,
            SyncConfig sync) {
        for (Provider provider : Provider.values()) {
            this.apis.put(provider, apis.stream()
                    .filter(candidate -> candidate.provider() == provider)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no API for provider " + provider.id())));
            ProviderSettings providerSettings = new ProviderSettings(provider, config);
            this.settings.put(provider, providerSettings);
        }
        CallDeadlines.check(settings.values(), idempotency.staleAfter(), sync.lease(),
                config.getValue(CallDeadlines.IDLE_TIMEOUT, Duration.class), idempotency.waitTimeout());
    }

    public ProviderApi api(Provider provider) {
        return apis.get(provider);
    }

    public ProviderSettings settings(Provider provider) {
        return settings.get(provider);
    }
}
