package io.cancelgateway.routing;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How requests without a provider are routed: {@code cancel.routing.*}. */
@ConfigMapping(prefix = "cancel.routing")
public interface RoutingConfig {

    /** {@code cancel.routing.merchants.<merchant_id>=<provider>} */
    Map<String, String> merchants();

    /** {@code cancel.routing.patterns.<provider>=<regex>}, matched against the whole reference. */
    Map<String, String> patterns();

    /** {@code cancel.routing.default-provider} */
    Optional<String> defaultProvider();
}
