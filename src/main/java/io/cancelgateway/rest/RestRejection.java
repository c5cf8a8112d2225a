package io.cancelgateway.rest;

/** A REST request refused before it became a cancel request; answered as a JSON error with this status. */
public class RestRejection extends RuntimeException {

    private final int status;
    private final String error;

    public RestRejection(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }
}
