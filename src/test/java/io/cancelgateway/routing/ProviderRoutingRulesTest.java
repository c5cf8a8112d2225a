package io.cancelgateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.provider.Provider;

class ProviderRoutingRulesTest {

    private final ProviderRoutingRules rules = new ProviderRoutingRules(
            Map.of("m-hyper", "hyperswitch"),
            Map.of("kwikpaisa", "\\d+", "hyperswitch", "pay_.*", "juspay-payout", "ful_.*"),
            Optional.of("juspay-order"));

    @Test
    void theRequestsOwnProviderComesFirst() {
        assertThat(rules.route(request("kwikpaisa", "m-hyper", "pay_1")).provider()).isEqualTo(Provider.KWIKPAISA);
    }

    @Test
    void thenTheMerchantRule() {
        assertThat(rules.route(request(null, "m-hyper", "123")).provider()).isEqualTo(Provider.HYPERSWITCH);
    }

    @Test
    void thenTheFirstReferencePatternThatMatchesTheWholeReference() {
        assertThat(rules.route(request(null, "other", "123")).provider()).isEqualTo(Provider.KWIKPAISA);
        assertThat(rules.route(request(null, null, "pay_9")).provider()).isEqualTo(Provider.HYPERSWITCH);
        assertThat(rules.route(request(null, null, "ful_9")).provider()).isEqualTo(Provider.JUSPAY_PAYOUT);
    }

    @Test
    void patternsAreTriedInProviderOrder() {
        ProviderRoutingRules overlapping = new ProviderRoutingRules(Map.of(),
                Map.of("hyperswitch", ".*", "juspay-payout", ".*"), Optional.empty());
        assertThat(overlapping.route(request(null, null, "x")).provider()).isEqualTo(Provider.JUSPAY_PAYOUT);
    }

    @Test
    void thenTheDefaultProvider() {
        assertThat(rules.route(request(null, null, "ord-7")).provider()).isEqualTo(Provider.JUSPAY_ORDER);
    }

    @Test
    void withoutAnyRuleTheRequestIsInvalid() {
        ProviderRoutingRules none = new ProviderRoutingRules(Map.of(), Map.of(), Optional.empty());
        ProviderRoutingRules.RoutingDecision decision = none.route(request(null, null, "x"));
        assertThat(decision.provider()).isNull();
        assertThat(decision.error()).startsWith("no provider for this request");
    }

    @Test
    void anUnknownProviderNameIsInvalid() {
        ProviderRoutingRules.RoutingDecision decision = rules.route(request("paypal", null, "x"));
        assertThat(decision.provider()).isNull();
        assertThat(decision.error()).isEqualTo("unknown provider 'paypal'; known providers: juspay-order, "
                + "juspay-payout, kwikpaisa, hyperswitch");
    }

    @Test
    void theErrorQuotesOnlyTheStartOfALongUnknownProvider() {
        ProviderRoutingRules.RoutingDecision decision = rules.route(request("p".repeat(60_000), null, "x"));

        assertThat(decision.error()).startsWith("unknown provider '" + "p".repeat(255) + "…'; known providers: ")
                .hasSizeLessThan(400);
    }

    @Test
    void badRulesStopTheServiceNamingTheProperty() {
        assertThatThrownBy(() -> new ProviderRoutingRules(Map.of("m1", "paypal"), Map.of(), Optional.empty()))
                .hasMessageStartingWith("cancel.routing.merchants.m1 names unknown provider 'paypal'");
        assertThatThrownBy(() -> new ProviderRoutingRules(Map.of(), Map.of("kwikpaisa", "("), Optional.empty()))
                .hasMessageStartingWith("cancel.routing.patterns.kwikpaisa is not a valid regular expression");
        assertThatThrownBy(() -> new ProviderRoutingRules(Map.of(), Map.of("stripe", ".*"), Optional.empty()))
                .hasMessageStartingWith("cancel.routing.patterns.stripe names unknown provider");
        assertThatThrownBy(() -> new ProviderRoutingRules(Map.of(), Map.of(), Optional.of("x")))
                .hasMessageStartingWith("cancel.routing.default-provider names unknown provider 'x'");
    }

    private static CancelRequest request(String provider, String merchant, String reference) {
        return new CancelRequest(null, provider, merchant, reference, null, null, null);
    }
}
