package io.cancelgateway.flow;

import org.apache.camel.Exchange;

import io.cancelgateway.client.Client;

/** The client an exchange's request came from, as its channel set it. */
public final class RequestClient {

    private RequestClient() {
    }

    /** @throws IllegalStateException when the channel set none: a request is never run without its client */
    public static Client of(Exchange exchange) {
        Client client = exchange.getProperty(CancelExchange.CLIENT, Client.class);
        if (client == null) {
            throw new IllegalStateException("the request reached the flow without its client");
        }
        return client;
    }
}
