package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /simulator/calls?provider=..&reference=..}: how many cancel calls ({@code calls}) and status calls
 * ({@code status_calls}) named the reference, so that tests and benchmarks can see what the gateway really sent. A
 * Juspay payout status call names its order, not the fulfillment. Answered at once, without the simulated latency.
 */
final class SimulatedCallsEndpoint {

    static final String PATH = "/simulator/calls";

    private static final String PROVIDERS =
            Arrays.stream(SimulatedApi.values()).map(SimulatedApi::id).collect(Collectors.joining(", "));

    private final SimulatedTargets targets;

    SimulatedCallsEndpoint(SimulatedTargets targets) {
        this.targets = targets;
    }

    void mount(Router router) {
        router.get(PATH).handler(this::count);
    }

    private void count(RoutingContext context) {
        Optional<SimulatedApi> api = SimulatedApi.byId(context.queryParams().get("provider"));
        String reference = context.queryParams().get("reference");
        if (api.isEmpty()) {
            reply(context, 400, JsonNodeFactory.instance.objectNode()
                    .put("error", "provider must be one of " + PROVIDERS).toString());
        } else if (reference == null || reference.isEmpty()) {
            reply(context, 400, JsonNodeFactory.instance.objectNode()
                    .put("error", "reference is required").toString());
        } else {
            reply(context, 200, JsonNodeFactory.instance.objectNode()
                    .put("calls", targets.calls(api.get(), reference))
                    .put("status_calls", targets.statusCalls(api.get(), reference)).toString());
        }
    }

    private static void reply(RoutingContext context, int status, String body) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
