package io.cancelgateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The content-based router's rules, from {@code cancel.routing.*}: one instance for routing and authorizing. */
@ApplicationScoped
public class RoutingBeans {

    @Produces
    @Singleton
    ProviderRoutingRules rules(RoutingConfig config) {
        return new ProviderRoutingRules(config.merchants(), config.patterns(), config.defaultProvider());
    }
}
