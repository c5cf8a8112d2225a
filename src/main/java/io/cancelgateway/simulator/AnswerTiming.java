package io.cancelgateway.simulator;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends answers after the configured latency, plus the slow wait for {@code slow-} references. Waits with a Vert.x
 * timer: the handlers run on the event loop, which must never block.
 */
final class AnswerTiming {

    private final long latencyMs;
    private final long slowMs;

    AnswerTiming(long latencyMs, long slowMs) {
        this.latencyMs = latencyMs;
        this.slowMs = slowMs;
    }

    void send(RoutingContext context, SimulatedAnswer answer, Scenario scenario) {
        long delay = latencyMs + (scenario == Scenario.SLOW ? slowMs : 0);
        if (delay <= 0) {
            write(context, answer);
        } else {
            context.vertx().setTimer(delay, timer -> write(context, answer));
        }
    }

    private static void write(RoutingContext context, SimulatedAnswer answer) {
        HttpServerResponse response = context.response();
        // The caller may have given up while the answer was waiting.
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(answer.status())
                .putHeader("Content-Type", "application/json")
                .end(answer.body());
    }
}
