package io.cancelgateway.rest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Sets a JSON reply on the exchange. */
final class RestReply {

    private RestReply() {
    }

    /** Drops every inbound header first: platform-http would echo them, the caller's X-Api-Key included. */
    static void json(Exchange exchange, int status, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
    }
}
