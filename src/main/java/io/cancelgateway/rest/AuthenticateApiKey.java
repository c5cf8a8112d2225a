package io.cancelgateway.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Lets a REST call through only with an X-Api-Key the service is configured with. */
@ApplicationScoped
@Named("authenticateApiKey")
public class AuthenticateApiKey implements Processor {

    static final String HEADER = "X-Api-Key";

    private final List<byte[]> keys;

    public AuthenticateApiKey(ApiConfig config) {
        this.keys = config.keys().stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalStateException("cancel.api.keys holds no key: set at least one API key for the REST channel");
        }
    }

    @Override
    public void process(Exchange exchange) {
        // Only the header counts: a key in the query string or a form ends up in access and proxy logs.
        String presented = InboundHttp.header(exchange, HEADER);
        if (presented == null || presented.isEmpty()) {
            throw new RestRejection(401, "unauthorized", "the " + HEADER + " header is missing");
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        // Compare against every key in constant time so the answer's timing tells nothing about the keys.
        boolean known = false;
        for (byte[] key : keys) {
            known |= MessageDigest.isEqual(key, candidate);
        }
        if (!known) {
            throw new RestRejection(401, "unauthorized", "the " + HEADER + " header holds no valid key");
        }
    }
}
