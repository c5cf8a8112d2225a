package io.cancelgateway.rest;

/** The JSON body of every REST error that is not a cancel result. */
public record ErrorBody(String error, String detail) {
}
