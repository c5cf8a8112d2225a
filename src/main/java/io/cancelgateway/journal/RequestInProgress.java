package io.cancelgateway.journal;

/** A request with the same id is still being processed elsewhere after waiting the configured time. */
public class RequestInProgress extends RuntimeException {

    public RequestInProgress(String requestId) {
        super("request " + requestId + " is still being processed; ask again later", null, false, false);
    }
}
