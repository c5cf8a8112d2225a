package io.cancelgateway.client;

import java.util.Set;

/**
 * One caller of the gateway and what it may do: the merchants and providers it may cancel for, and where its JMS
 * results may go. Every request it sends is journaled as its own; another client never sees it.
 *
 * @param name the client's name, as configured ({@code cancel.clients.<name>})
 * @param merchants the merchants it may cancel for; empty with {@code allMerchants}
 * @param allMerchants whether it may cancel for every merchant ({@code *})
 * @param providers the providers it may cancel at; empty for every one
 * @param replyPrefix the prefix of the queues its JMS results may be sent to; empty for the single tenant, whose
 *        answers go anywhere but the request queue and the clients' queues
 */
public record Client(String name, Set<String> merchants, boolean allMerchants, Set<String> providers,
        String replyPrefix) {

    /** The single-tenant client of {@code cancel.api.keys}: every merchant, every provider. */
    public static final String SINGLE_TENANT = "default";

    public Client {
        merchants = Set.copyOf(merchants);
        providers = Set.copyOf(providers);
    }

    static Client singleTenant() {
        return new Client(SINGLE_TENANT, Set.of(), true, Set.of(), "");
    }

    public boolean isSingleTenant() {
        return SINGLE_TENANT.equals(name);
    }

    /** Whether the client may cancel for this merchant (null: the request names none). */
    public boolean mayCancelFor(String merchantId) {
        return allMerchants || merchantId != null && merchants.contains(merchantId);
    }

    /** Whether the client's JMS results may be sent to this queue. */
    public boolean mayReplyTo(String queue) {
        return replyPrefix.isEmpty() || queue != null && queue.startsWith(replyPrefix);
    }

    /** Whether the client may cancel at this provider. */
    public boolean mayCancelAt(String provider) {
        return providers.isEmpty() || providers.contains(provider);
    }
}
