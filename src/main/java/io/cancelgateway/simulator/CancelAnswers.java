package io.cancelgateway.simulator;

/** The answers one provider gives to a valid cancel call, one per situation a scenario can lead to. */
interface CancelAnswers extends FaultAnswers {

    SimulatedAnswer cancelled();

    SimulatedAnswer alreadyCancelled();

    SimulatedAnswer notCancellable();
}
