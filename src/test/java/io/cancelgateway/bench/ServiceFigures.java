package io.cancelgateway.bench;

/**
 * The packaged service before any load: from process start to the first 200 of {@code /q/health/ready}, the
 * "started in" figure Quarkus logs itself, and resident memory after {@code idleSeconds} of idling once ready.
 */
record ServiceFigures(double startupToReadySeconds, Double quarkusStartedSeconds, double idleRssMb,
        double idleSeconds) {
}
