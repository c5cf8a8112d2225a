package io.cancelgateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * A request framed by {@code Transfer-Encoding} is answered, then its connection closed (RFC 9112 section 6.1): when it
 * also has a {@code Content-Length}, an intermediary may have read its end differently, and whatever follows on the
 * connection could be another request smuggled in. The HTTP server drops such a {@code Content-Length} before any
 * handler sees it, so every chunked request is treated this way; the REST clients of the gateway send a length.
 */
@ApplicationScoped
public class HttpFraming {

    void closeAfterChunkedRequests(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(context -> {
            if (context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                context.addEndHandler(ended -> context.request().connection().close());
            }
            context.next();
        });
    }
}
