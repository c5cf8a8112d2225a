package io.cancelgateway.rest;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.CancelRequestReader;
import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.flow.CancelRequestReader.UnreadableCancelRequest;
import io.cancelgateway.flow.CancelRequestValidator;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;

/**
 * Turns the HTTP body into a {@link CancelRequest}, refusing what is not a JSON object of acceptable size. An
 * {@code Idempotency-Key} header becomes the request id.
 */
@ApplicationScoped
@Named("readCancelRequest")
public class ReadCancelRequest implements Processor {

    /** Wins over the body's request_id, as HTTP clients that retry set it. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CancelRequestReader reader;
    private final int maxBodyBytes;

    public ReadCancelRequest(CancelRequestReader reader, ApiConfig config) {
        this.reader = reader;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @Override
    public void process(Exchange exchange) {
        // The request's own header: Camel's headers also hold the query string's parameters.
        String contentType = InboundHttp.header(exchange, "Content-Type");
        if (contentType == null || !isJson(contentType)) {
            // The header's value is not echoed: the answer never carries the request's headers.
            throw new RestRejection(415, "unsupported_media_type", "Content-Type must be application/json, was "
                    + (contentType == null ? "absent" : "another type"));
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw new RestRejection(400, "malformed_request", "the body is empty; send a JSON cancel request");
        }
        if (body.length > maxBodyBytes) {
            throw new RestRejection(413, "payload_too_large",
                    "the body has " + body.length + " bytes; the limit is " + maxBodyBytes);
        }
        CancelRequest request = parse(body);
        String idempotencyKey = InboundHttp.header(exchange, IDEMPOTENCY_KEY);
        if (idempotencyKey == null) {
            exchange.getMessage().setBody(request);
            return;
        }
        CancelRequest keyed = request.withRequestId(idempotencyKey);
        exchange.getMessage().setBody(keyed);
        // Named as the caller sent it: an empty header (an unset template variable) is no fault of the body's field.
        CancelRequestValidator.requestIdProblem("the Idempotency-Key header", idempotencyKey).ifPresent(problem ->
                exchange.setProperty(CancelExchange.RESULT, CancelResult.withoutCall(keyed, Outcome.INVALID, problem)));
    }

    private CancelRequest parse(byte[] body) {
        try {
            return reader.read(body, "the body");
        } catch (UnreadableCancelRequest unreadable) {
            throw new RestRejection(400, "malformed_request", unreadable.getMessage());
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }
}
