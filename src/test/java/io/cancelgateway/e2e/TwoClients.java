package io.cancelgateway.e2e;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two clients besides the single-tenant development key: {@code erp-a} cancels for merchants {@code m-a1} and
 * {@code m-a2} at any provider, {@code erp-b} for {@code m-b} at Hyperswitch only. Their keys are given as digests in
 * production; plain keys are for tests.
 */
public class TwoClients implements QuarkusTestProfile {

    static final String KEY_A = "key-erp-a-0123456789";
    static final String KEY_B = "key-erp-b-9876543210";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("cancel.clients.erp-a.api-key", KEY_A),
                Map.entry("cancel.clients.erp-a.merchants", "m-a1,m-a2"),
                // The digest of KEY_B: what a production configuration holds.
                Map.entry("cancel.clients.erp-b.api-key-sha256",
                        "edf55a8250d059475f8531f8891387040c04cd38c9485666396c73aea0d40225"),
                Map.entry("cancel.clients.erp-b.merchants", "m-b"),
                Map.entry("cancel.clients.erp-b.providers", "hyperswitch"),
                // Clients limited to merchants call with their merchants' own credentials only (m-a2 has none).
                Map.entry("cancel.providers.hyperswitch.merchants.m-a1.api-key", "snd_sim_hyperswitch"),
                Map.entry("cancel.providers.hyperswitch.merchants.m-b.api-key", "snd_sim_hyperswitch"));
    }
}
