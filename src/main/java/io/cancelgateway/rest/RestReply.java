package io.cancelgateway.rest;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Sets a JSON reply on the exchange. */
final class RestReply {

    /**
     * The exchange property holding a reply's {@code Retry-After} in whole seconds: a property, since the reply's
     * headers are not written (a caller's own headers would be echoed), and a caller cannot set one.
     */
    static final String RETRY_AFTER = "CancelRetryAfter";

    private RestReply() {
    }

    /** As {@link #json(Exchange, int, byte[])}, telling the caller to wait this long (rounded up to a second). */
    static void json(Exchange exchange, int status, byte[] body, Duration retryAfter) {
        json(exchange, status, body);
        if (retryAfter != null) {
            exchange.setProperty(RETRY_AFTER, seconds(retryAfter));
        }
    }

    /** A wait as {@code Retry-After} seconds: rounded up, at least 1 (0 would invite asking at once). */
    static long seconds(Duration wait) {
        long seconds = wait.toSeconds();
        return Math.max(1, wait.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
    }

    /** Drops every inbound header first: platform-http would echo them, the caller's X-Api-Key included. */
    static void json(Exchange exchange, int status, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        exchange.removeProperty(RETRY_AFTER); // the last reply set is the one answered
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
    }
}
