package io.cancelgateway.call;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;

import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderSettings;
import io.quarkus.runtime.Startup;

/**
 * Every provider's API and settings, by provider. Built at startup so that a provider's broken configuration (a missing
 * base URL, say) stops the service with a message naming the property instead of failing the first request.
 */
@Startup
@ApplicationScoped
public class ConfiguredProviders {

    private final Map<Provider, ProviderApi> apis = new EnumMap<>(Provider.class);
    private final Map<Provider, ProviderSettings> settings = new EnumMap<>(Provider.class);

    public ConfiguredProviders(Instance<ProviderApi> apis, Config config) {
        for (Provider provider : Provider.values()) {
            this.apis.put(provider, apis.stream()
                    .filter(candidate -> candidate.provider() == provider)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no API for provider " + provider.id())));
            ProviderSettings providerSettings = new ProviderSettings(provider, config);
            providerSettings.maxConcurrentCalls();
            this.settings.put(provider, providerSettings);
        }
    }

    public ProviderApi api(Provider provider) {
        return apis.get(provider);
    }

    public ProviderSettings settings(Provider provider) {
        return settings.get(provider);
    }
}
