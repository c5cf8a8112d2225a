package io.cancelgateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderText;

/**
 * Decides which provider a request goes to, in this order: the request's own {@code provider}; the merchant's rule; the
 * first reference pattern that matches (patterns are tried in the order of {@link Provider}); the default provider.
 */
public final class ProviderRoutingRules {

    private final Map<String, Provider> merchantRules;
    private final Map<Provider, Pattern> referencePatterns;
    private final Optional<Provider> defaultProvider;

    /**
     * @throws IllegalStateException naming the property when a rule names an unknown provider or a bad pattern
     */
    public ProviderRoutingRules(Map<String, String> merchants, Map<String, String> patterns,
            Optional<String> defaultProvider) {
        this.merchantRules = new LinkedHashMap<>();
        merchants.forEach((merchant, provider) -> merchantRules.put(merchant,
                configured("cancel.routing.merchants." + merchant, provider)));
        this.referencePatterns = new LinkedHashMap<>();
        patterns.keySet().forEach(provider -> configured("cancel.routing.patterns." + provider, provider));
        for (Provider provider : Provider.values()) {
            String regex = patterns.get(provider.id());
            if (regex != null) {
                referencePatterns.put(provider, compile("cancel.routing.patterns." + provider.id(), regex));
            }
        }
        this.defaultProvider = defaultProvider.map(name -> configured("cancel.routing.default-provider", name));
    }

    public RoutingDecision route(CancelRequest request) {
        if (request.provider() != null) {
            return Provider.byId(request.provider())
                    .map(RoutingDecision::to)
                    .orElseGet(() -> RoutingDecision.invalid("unknown provider '"
                            + ProviderText.shown(request.provider()) + "'; known providers: "
                            + String.join(", ", Provider.ids())));
        }
        if (request.merchantId() != null && merchantRules.containsKey(request.merchantId())) {
            return RoutingDecision.to(merchantRules.get(request.merchantId()));
        }
        for (Map.Entry<Provider, Pattern> rule : referencePatterns.entrySet()) {
            if (rule.getValue().matcher(request.reference()).matches()) {
                return RoutingDecision.to(rule.getKey());
            }
        }
        return defaultProvider.map(RoutingDecision::to)
                .orElseGet(() -> RoutingDecision.invalid("no provider for this request: it names none, and no "
                        + "merchant rule, reference pattern or default provider applies"));
    }

    private static Provider configured(String property, String name) {
        return Provider.byId(name.trim()).orElseThrow(() -> new IllegalStateException(property
                + " names unknown provider '" + name + "'; known providers: " + String.join(", ", Provider.ids())));
    }

    private static Pattern compile(String property, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException bad) {
            throw new IllegalStateException(property + " is not a valid regular expression: " + bad.getMessage(), bad);
        }
    }

    /** The provider chosen, or why none could be. */
    public record RoutingDecision(Provider provider, String error) {

        static RoutingDecision to(Provider provider) {
            return new RoutingDecision(provider, null);
        }

        static RoutingDecision invalid(String error) {
            return new RoutingDecision(null, error);
        }
    }
}
