package io.cancelgateway.bench;

/**
 * What REST adds to a cancel where nothing queues: the baseline and REST at a low concurrency, one after the other, and
 * the difference of their medians.
 */
record QuietLatency(int concurrency, int requests, double baselineP50Ms, double restP50Ms, double addedP50Ms) {

    static QuietLatency of(int concurrency, int requests, double baselineP50Ms, double restP50Ms) {
        return new QuietLatency(concurrency, requests, baselineP50Ms, restP50Ms, restP50Ms - baselineP50Ms);
    }
}
