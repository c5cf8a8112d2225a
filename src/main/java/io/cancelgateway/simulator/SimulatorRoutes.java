package io.cancelgateway.simulator;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;

/** Mounts every simulated provider API and the call counts on a router, independently of Quarkus. */
public final class SimulatorRoutes {

    static final String ROOT = "/simulator";

    /** Cancel bodies are a few dozen bytes; anything far larger is not a provider call. */
    private static final long BODY_LIMIT_BYTES = 64 * 1024;

    private final SimulatorSettings settings;
    private final SimulatedTargets targets;
    private final Clock clock;

    public SimulatorRoutes(SimulatorSettings settings, SimulatedTargets targets, Clock clock) {
        this.settings = settings;
        this.targets = targets;
        this.clock = clock;
    }

    public void mount(Router router) {
        // Only below the simulator's root: the gateway's own routes read their bodies themselves.
        router.route(ROOT + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        AnswerTiming timing = new AnswerTiming(settings.latencyMs(), settings.slowMs());
        new JuspaySimulator(settings.juspayApiKey(), targets, timing, clock).mount(router);
        new JuspayPayoutSimulator(settings.juspayApiKey(), settings.payoutCancelDelay(), targets,
                new PayoutSchedule(targets.capacity()), timing, clock).mount(router);
        new KwikPaisaSimulator(settings.kwikPaisaApiKey(), settings.kwikPaisaSecretKey(), targets, timing, clock)
                .mount(router);
        new HyperswitchSimulator(settings.hyperswitchApiKey(), targets,
                new HyperswitchPayments(targets, clock, settings.pendingDelay()), timing, clock).mount(router);
        new SimulatedCallsEndpoint(targets).mount(router);
    }
}
