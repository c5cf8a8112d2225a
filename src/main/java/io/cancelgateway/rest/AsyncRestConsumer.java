package io.cancelgateway.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConsumer;
import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * platform-http's Vert.x consumer, but asynchronous to the end: the exchange is started on a worker thread and the
 * response written from its completion, so a request whose route waits (a provider call between two attempts) holds no
 * thread while it waits. The stock consumer waits for the exchange on the worker thread until it is done.
 *
 * <p>Every REST route answers with a status, a content type and a byte body and drops all other headers
 * ({@link RestReply}), so that is all that is written, with a {@code Retry-After} where the reply set one; a failure no
 * route answered is a JSON 500 without a trace, and a request to a suspended operation a JSON 503.
 */
final class AsyncRestConsumer extends VertxPlatformHttpConsumer {

    private static final Logger LOG = Logger.getLogger(AsyncRestConsumer.class);
    /** The challenge a 401 must carry (RFC 9110, section 11.6.1): the API key, in its header. */
    private static final String API_KEY_CHALLENGE = "ApiKey header=\"X-Api-Key\"";
    private static final byte[] INTERNAL_ERROR = ("{\"error\":\"internal_error\",\"detail\":\"the request could not be "
            + "processed; the service log has the details\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_TAKING_REQUESTS = ("{\"error\":\"service_unavailable\",\"detail\":\"the service "
            + "is not taking requests right now (stopping, or this operation suspended); nothing was processed, "
            + "try again\"}").getBytes(StandardCharsets.UTF_8);

    AsyncRestConsumer(PlatformHttpEndpoint endpoint, Processor processor, List<Handler<RoutingContext>> handlers,
            String routerName) {
        super(endpoint, processor, handlers, routerName);
    }

    @Override
    protected void handleRequest(RoutingContext ctx) {
        if (isSuspended()) {
            uncached(ctx.response()).setStatusCode(503).putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(NOT_TAKING_REQUESTS));
            return;
        }
        Context eventLoop = Vertx.currentContext();
        Exchange exchange = createExchange(false);
        exchange.setPattern(ExchangePattern.InOut);
        processHttpRequest(exchange, ctx).onComplete(read -> {
            if (read.failed()) {
                answer(ctx, exchange, read.cause());
                return;
            }
            ctx.vertx().executeBlocking(() -> {
                createUoW(exchange);
                getAsyncProcessor().process(exchange, doneSync -> eventLoop.runOnContext(ignored ->
                        answer(ctx, exchange, exchange.getException())));
                return null;
            }, false).onFailure(failure -> answer(ctx, exchange, failure));
        });
    }

    private void answer(RoutingContext ctx, Exchange exchange, Throwable failure) {
        try {
            HttpServerResponse response = ctx.response();
            if (response.ended() || response.closed()) {
                return;
            }
            if (failure != null) {
                LOG.errorf(failure, "REST request failed unanswered (exchange %s)", exchange.getExchangeId());
                uncached(response).setStatusCode(500).putHeader("Content-Type", "application/json")
                        .end(Buffer.buffer(INTERNAL_ERROR));
                return;
            }
            Message message = exchange.getMessage();
            Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
            byte[] body = message.getBody(byte[].class);
            int code = status == null ? (body == null ? 204 : 200) : status;
            uncached(response).setStatusCode(code);
            if (code == 401) {
                response.putHeader("WWW-Authenticate", API_KEY_CHALLENGE);
            }
            if (contentType != null) {
                response.putHeader("Content-Type", contentType);
            }
            Long retryAfter = exchange.getProperty(RestReply.RETRY_AFTER, Long.class);
            if (retryAfter != null) {
                response.putHeader("Retry-After", Long.toString(retryAfter));
            }
            response.end(body == null ? Buffer.buffer() : Buffer.buffer(body));
        } finally {
            if (exchange.getUnitOfWork() != null) {
                doneUoW(exchange);
            }
            releaseExchange(exchange, false);
        }
    }

    /**
     * Every answer: a client's results, which a cache between it and the gateway must keep none of (two clients may
     * use one id, so one URL answers each with its own result).
     */
    private static HttpServerResponse uncached(HttpServerResponse response) {
        return response.putHeader("Cache-Control", "no-store");
    }
}
