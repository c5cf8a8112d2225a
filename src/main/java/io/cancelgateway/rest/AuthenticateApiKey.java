package io.cancelgateway.rest;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.client.AuthFailures;
import io.cancelgateway.client.Client;
import io.cancelgateway.client.Clients;
import io.cancelgateway.flow.CancelExchange;

/**
 * Lets a REST call through only with the X-Api-Key of a configured client, which the call then runs as. A caller
 * address with too many failures is refused for a while, whatever it presents ({@link AuthFailures}).
 */
@ApplicationScoped
@Named("authenticateApiKey")
public class AuthenticateApiKey implements Processor {

    static final String HEADER = "X-Api-Key";

    private final Clients clients;
    private final AuthFailures failures;

    public AuthenticateApiKey(Clients clients, AuthFailures failures) {
        this.clients = clients;
        this.failures = failures;
    }

    @Override
    public void process(Exchange exchange) {
        String address = InboundHttp.remoteAddress(exchange);
        Duration refused = failures.refusedFor(address);
        if (!refused.isZero()) {
            throw new RestRejection(429, "too_many_auth_failures", "too many failed authentications from this "
                    + "address: try again in " + RestReply.seconds(refused) + " s", refused);
        }
        // Only the header counts: a key in the query string or a form ends up in access and proxy logs.
        String presented = InboundHttp.header(exchange, HEADER);
        if (presented == null || presented.isEmpty()) {
            failures.failed("rest", address);
            throw new RestRejection(401, "unauthorized", "the " + HEADER + " header is missing");
        }
        Client client = clients.byApiKey(presented).orElse(null);
        if (client == null) {
            failures.failed("rest", address);
            throw new RestRejection(401, "unauthorized", "the " + HEADER + " header holds no valid key");
        }
        exchange.setProperty(CancelExchange.CLIENT, client);
    }
}
