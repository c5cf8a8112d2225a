package io.cancelgateway.simulator;

/** Picks the answer to a valid cancel call from the reference's scenario and what happened to the target before. */
final class ScenarioPlayer {

    private final SimulatedTargets targets;

    ScenarioPlayer(SimulatedTargets targets) {
        this.targets = targets;
    }

    SimulatedAnswer play(SimulatedApi api, String reference, CancelAnswers answers) {
        Scenario scenario = Scenario.of(reference);
        if (scenario == Scenario.MISSING) {
            return answers.notFound();
        }
        if (scenario == Scenario.DOWN) {
            return answers.serverError();
        }
        if (scenario == Scenario.PAID) {
            return answers.notCancellable();
        }
        if (scenario == Scenario.FLAKY && targets.failOnce(api, reference)) {
            return answers.unavailable();
        }
        return targets.cancel(api, reference) ? answers.cancelled() : answers.alreadyCancelled();
    }
}
