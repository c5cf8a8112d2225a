package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.cancelgateway.provider.Provider;
import io.smallrye.health.api.HealthGroup;

/**
 * Every provider's circuit, at {@code /q/health/group/providers}: DOWN while one is open. Not part of readiness: the
 * other providers still work, so an open circuit must not take the service out of its load balancer.
 */
@HealthGroup("providers")
@ApplicationScoped
public class ProviderCircuitsCheck implements HealthCheck {

    private final ProviderGuards guards;

    public ProviderCircuitsCheck(ProviderGuards guards) {
        this.guards = guards;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Provider circuits").up();
        for (Provider provider : Provider.values()) {
            ProviderCircuit.State state = guards.of(provider).circuit().state(System.nanoTime());
            response.withData(provider.id(), state.name());
            if (state == ProviderCircuit.State.OPEN) {
                response.down();
            }
        }
        return response.build();
    }
}
