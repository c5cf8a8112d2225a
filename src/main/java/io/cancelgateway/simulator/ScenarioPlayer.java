package io.cancelgateway.simulator;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Picks the answer to a valid cancel or status call from the reference's scenario and what happened to the target
 * before. Status calls fail like cancels ({@code missing-}, {@code down-}, a {@code flaky-} target's first status
 * call); otherwise they show the target as the provider sees it.
 */
final class ScenarioPlayer {

    private final SimulatedTargets targets;
    private final Clock clock;

    ScenarioPlayer(SimulatedTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    SimulatedAnswer play(SimulatedApi api, String reference, CancelAnswers answers) {
        Scenario scenario = Scenario.of(reference);
        return fault(scenario, answers, () -> targets.failOnce(api, reference)).orElseGet(() -> {
            if (scenario == Scenario.PAID) {
                return answers.notCancellable();
            }
            return targets.cancel(api, reference, clock.instant()) ? answers.cancelled() : answers.alreadyCancelled();
        });
    }

    /** @param current the target as the provider sees it now */
    SimulatedAnswer playStatus(SimulatedApi api, String reference, FaultAnswers answers,
            Supplier<SimulatedAnswer> current) {
        return fault(Scenario.of(reference), answers, () -> targets.failStatusOnce(api, reference))
                .orElseGet(current);
    }

    private static Optional<SimulatedAnswer> fault(Scenario scenario, FaultAnswers answers, BooleanSupplier failOnce) {
        return switch (scenario) {
            case MISSING -> Optional.of(answers.notFound());
            case DOWN -> Optional.of(answers.serverError());
            case FLAKY -> failOnce.getAsBoolean() ? Optional.of(answers.unavailable()) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
