package io.cancelgateway.jms;

import java.net.URI;
import java.net.URISyntaxException;

/** The host and port the embedded broker listens on, taken from the URL the service connects to. */
record BrokerAddress(String host, int port) {

    /**
     * Reads {@code tcp://host:port} (query parameters allowed). A failover list names other brokers, so it cannot be
     * the embedded broker's own address.
     */
    static BrokerAddress of(String url) {
        try {
            URI uri = new URI(url.trim());
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw invalid(url);
            }
            String host = uri.getHost();
            // An IPv6 host comes bracketed, as written in the URL.
            return new BrokerAddress(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, uri.getPort());
        } catch (URISyntaxException notAUri) {
            throw invalid(url);
        }
    }

    /** The acceptor URL of Artemis. */
    String acceptorUrl() {
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static IllegalArgumentException invalid(String url) {
        return new IllegalArgumentException("quarkus.artemis.url must be tcp://host:port when the broker is embedded "
                + "(cancel.jms.embedded=true), was '" + url + "'");
    }
}
