package io.cancelgateway.simulator;

/** The answers one provider gives when a scenario makes a call fail, whether it is a cancel or a status call. */
interface FaultAnswers {

    SimulatedAnswer notFound();

    SimulatedAnswer serverError();

    SimulatedAnswer unavailable();
}
