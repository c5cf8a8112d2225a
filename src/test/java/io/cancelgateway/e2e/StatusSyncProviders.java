package io.cancelgateway.e2e;

import java.util.HashMap;
import java.util.Map;

/**
 * The WireMock providers with a fast status sync: first check 2 s after the cancel, then every 2 s, for 8 s at most,
 * the journal asked every 100 ms. A test has 2 s after a cancel to act before its first check.
 */
public class StatusSyncProviders extends WireMockProviders {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("cancel.sync.first-delay", "2s");
        overrides.put("cancel.sync.max-interval", "2s");
        overrides.put("cancel.sync.deadline", "8s");
        overrides.put("cancel.sync.poll-interval", "100ms");
        overrides.put("quarkus.log.category.\"org.apache.camel\".level", "INFO");
        return overrides;
    }
}
