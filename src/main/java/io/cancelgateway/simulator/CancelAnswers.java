package io.cancelgateway.simulator;

/** The answers one provider gives to a valid cancel call, one per situation a scenario can lead to. */
interface CancelAnswers {

    SimulatedAnswer cancelled();

    SimulatedAnswer alreadyCancelled();

    SimulatedAnswer notCancellable();

    SimulatedAnswer notFound();

    SimulatedAnswer serverError();

    SimulatedAnswer unavailable();
}
