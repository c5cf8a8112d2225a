package io.cancelgateway.simulator;

import io.cancelgateway.simulator.JuspayPayoutOrderAnswers.ShownFulfillment;
import io.cancelgateway.simulator.PayoutSchedule.ScheduledCancel;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Juspay's payout fulfillment cancel and payout order APIs. Both take Basic authentication with the API key as user
 * name and an empty password, {@code x-merchantid} and {@code x-routing-id}.
 * <p>
 * A cancel only schedules the cancellation (200 whatever the fulfillment's state). An order read
 * ({@code GET .../orders/{order_id}?expand=fulfillment}) shows the fulfillments scheduled under the same merchant
 * and routing id (see {@link PayoutSchedule}): each {@code PENDING} until {@code cancel.simulator.payout-cancel-delay}
 * after its first cancel call, {@code CANCELLED} from then on, and {@code SUCCESS} when its id starts with
 * {@code paid-} (paid out before the cancel could stop it). A fulfillment the simulator never scheduled is absent.
 * Order ids choose the faults: {@code missing-} answers 404 E09, {@code down-}, {@code flaky-} and {@code slow-} as for
 * cancels.
 */
final class JuspayPayoutSimulator {

    static final String PREFIX = JuspaySimulator.PREFIX + "/payout/merchant/v1";

    private final JuspayCredentials credentials;
    private final SimulatedTargets targets;
    private final PayoutSchedule schedule;
    private final ScenarioPlayer player;
    private final AnswerTiming timing;
    private final Clock clock;
    private final Duration cancelDelay;

    JuspayPayoutSimulator(String apiKey, Duration cancelDelay, SimulatedTargets targets, PayoutSchedule schedule,
            AnswerTiming timing, Clock clock) {
        this.credentials = new JuspayCredentials(apiKey);
        this.cancelDelay = cancelDelay;
        this.targets = targets;
        this.schedule = schedule;
        this.player = new ScenarioPlayer(targets, clock);
        this.timing = timing;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post(PREFIX + "/fulfillment/:fulfillment_id/cancel").handler(this::cancelFulfillment);
        router.get(PREFIX + "/orders/:order_id").handler(this::readOrder);
    }

    private void cancelFulfillment(RoutingContext context) {
        String fulfillmentId = context.pathParam("fulfillment_id");
        targets.recordCall(SimulatedApi.JUSPAY_PAYOUT, fulfillmentId);
        timing.send(context, fulfillmentAnswer(context, fulfillmentId), Scenario.of(fulfillmentId));
    }

    private SimulatedAnswer fulfillmentAnswer(RoutingContext context, String fulfillmentId) {
        Optional<SimulatedAnswer> refusal = refusal(context);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SimulatedAnswer answer =
                player.play(SimulatedApi.JUSPAY_PAYOUT, fulfillmentId, new JuspayPayoutAnswers(fulfillmentId));
        // Juspay answers 200 exactly when it schedules the cancellation.
        if (answer.status() == 200) {
            schedule.schedule(merchantId(context), routingId(context), fulfillmentId, clock.instant());
        }
        return answer;
    }

    private void readOrder(RoutingContext context) {
        String orderId = context.pathParam("order_id");
        targets.recordStatusCall(SimulatedApi.JUSPAY_PAYOUT, orderId);
        timing.send(context, orderAnswer(context, orderId), Scenario.of(orderId));
    }

    private SimulatedAnswer orderAnswer(RoutingContext context, String orderId) {
        Optional<SimulatedAnswer> refusal = refusal(context);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        JuspayPayoutOrderAnswers answers = new JuspayPayoutOrderAnswers(orderId);
        boolean withFulfillments = expandsFulfillments(context.queryParams().getAll("expand"));
        return player.playStatus(SimulatedApi.JUSPAY_PAYOUT, orderId, answers, () -> {
            Instant now = clock.instant();
            List<ShownFulfillment> shown = schedule.of(merchantId(context), routingId(context)).stream()
                    .map(cancel -> shown(cancel, now))
                    .toList();
            return answers.order(shown, withFulfillments, now);
        });
    }

    /** The fulfillment at this moment: paid out, or cancelled once the cancel delay has passed. */
    private ShownFulfillment shown(ScheduledCancel cancel, Instant now) {
        if (Scenario.of(cancel.fulfillmentId()) == Scenario.PAID) {
            return new ShownFulfillment(cancel.fulfillmentId(), "SUCCESS", cancel.at());
        }
        Instant cancelled = cancel.at().plus(cancelDelay);
        return now.isBefore(cancelled)
                ? new ShownFulfillment(cancel.fulfillmentId(), "PENDING", cancel.at())
                : new ShownFulfillment(cancel.fulfillmentId(), "CANCELLED", cancelled);
    }

    /** The checks every payout call passes first, in Juspay's order: credentials, then the required headers. */
    private Optional<SimulatedAnswer> refusal(RoutingContext context) {
        if (!credentials.presentedBy(context)) {
            return Optional.of(JuspayPayoutAnswers.unauthorized());
        }
        if (isBlank(merchantId(context))) {
            return Optional.of(JuspayPayoutAnswers.badRequest("x-merchantid header is required"));
        }
        if (isBlank(routingId(context))) {
            return Optional.of(JuspayPayoutAnswers.badRequest("x-routing-id header is required"));
        }
        return Optional.empty();
    }

    /** {@code expand} is a comma-separated list, possibly given more than once. */
    private static boolean expandsFulfillments(List<String> expand) {
        return expand.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(part -> "fulfillment".equals(part.trim()));
    }

    private static String merchantId(RoutingContext context) {
        return context.request().getHeader("x-merchantid");
    }

    private static String routingId(RoutingContext context) {
        return context.request().getHeader("x-routing-id");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
