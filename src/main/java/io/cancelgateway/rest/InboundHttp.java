package io.cancelgateway.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import io.vertx.core.http.HttpServerRequest;

/**
 * What the caller sent on the HTTP request itself. platform-http fills the message headers from the request's
 * headers, its query string and its path alike, so a query parameter could pose as a header there
 * ({@code ?X-Api-Key=…}); credentials and ids are read here instead, each from the one place it belongs.
 */
final class InboundHttp {

    private static final String COLLECTION = "cancellations";

    private InboundHttp() {
    }

    /** The value of a header of the request; null when the request has none (or is not an HTTP request). */
    static String header(Exchange exchange, String name) {
        HttpServerRequest request = request(exchange);
        return request == null ? null : request.getHeader(name);
    }

    /**
     * The address the request came from: the connection's peer, never a header a caller could set (behind a proxy,
     * the proxy's).
     */
    static String remoteAddress(Exchange exchange) {
        HttpServerRequest request = request(exchange);
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The request id of a path {@code /api/v1/cancellations/{request_id}[/...]}, decoded; null when there is none. */
    static String requestIdInPath(Exchange exchange) {
        HttpServerRequest request = request(exchange);
        if (request == null || request.path() == null) {
            return null;
        }
        String[] segments = request.path().split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (COLLECTION.equals(segments[i])) {
                try {
                    return URLDecoder.decode(segments[i + 1].replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    throw new RestRejection(400, "bad_parameter", "the request id in the path is not properly encoded");
                }
            }
        }
        return null;
    }

    private static HttpServerRequest request(Exchange exchange) {
        return exchange.getMessage() instanceof HttpMessage http ? http.getRequest() : null;
    }
}
