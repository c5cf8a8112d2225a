package io.cancelgateway.e2e;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Points every provider at one WireMock server, with production-like keys, so tests can see exactly what went on the
 * wire and script provider answers the simulator does not give (retry sequences, timeouts).
 */
public class WireMockProviders implements QuarkusTestProfile {

    static final String JUSPAY_KEY = "jp_live_8f3k2m9q4x7w1z5c";
    static final String KWIKPAISA_KEY = "pk_live_4n8v2b6m1k9j3h7g";
    static final String KWIKPAISA_SECRET = "sk_live_7t2y9u4i1o6p3a8s";
    static final String HYPERSWITCH_KEY = "snd_live_5d2f8g1h6j3k9l4z";

    static WireMockServer server;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("cancel.providers.juspay-order.api-key", JUSPAY_KEY),
                Map.entry("cancel.providers.juspay-order.merchant-id", "acme"),
                Map.entry("cancel.providers.juspay-payout.api-key", ""),
                Map.entry("cancel.providers.juspay-payout.merchants.payout-merchant.api-key", JUSPAY_KEY),
                Map.entry("cancel.providers.kwikpaisa.api-key", KWIKPAISA_KEY),
                Map.entry("cancel.providers.kwikpaisa.secret-key", KWIKPAISA_SECRET),
                Map.entry("cancel.providers.hyperswitch.api-key", HYPERSWITCH_KEY),
                Map.entry("cancel.providers.hyperswitch.read-timeout", "500ms"),
                Map.entry("quarkus.log.category.\"io.cancelgateway\".level", "DEBUG"),
                Map.entry("quarkus.log.category.\"org.apache.camel\".level", "DEBUG"));
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            String base = server.baseUrl();
            return Map.of(
                    "cancel.providers.juspay-order.base-url", base,
                    "cancel.providers.juspay-payout.base-url", base,
                    "cancel.providers.kwikpaisa.base-url", base,
                    "cancel.providers.hyperswitch.base-url", base);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }
}
