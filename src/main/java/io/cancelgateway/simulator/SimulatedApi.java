package io.cancelgateway.simulator;

import java.util.Arrays;
import java.util.Optional;

/** The provider APIs the simulator answers, by the provider names the gateway uses. */
public enum SimulatedApi {
    JUSPAY_ORDER("juspay-order"),
    JUSPAY_PAYOUT("juspay-payout"),
    KWIKPAISA("kwikpaisa"),
    HYPERSWITCH("hyperswitch");

    private final String id;

    SimulatedApi(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<SimulatedApi> byId(String id) {
        return Arrays.stream(values()).filter(api -> api.id.equals(id)).findFirst();
    }
}
