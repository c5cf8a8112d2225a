package io.cancelgateway.provider;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The providers the gateway can cancel at, by the names used in requests and configuration. */
public enum Provider {
    JUSPAY_ORDER("juspay-order"),
    JUSPAY_PAYOUT("juspay-payout"),
    KWIKPAISA("kwikpaisa"),
    HYPERSWITCH("hyperswitch");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Provider> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Provider::id).toList();
    }
}
