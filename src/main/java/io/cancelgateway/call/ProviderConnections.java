package io.cancelgateway.call;

import java.io.IOException;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * A provider's connection pool as its HTTP endpoint sees it: one the endpoint cannot close. camel-http closes an
 * endpoint's connection manager when the endpoint stops, and the pool is a bean of the registry that the endpoint made
 * again for the same route finds as it was left: a provider route removed and added again (routes reloaded, a route
 * advised) called its provider over a pool shut down, every call failing until the service restarted. The pool is
 * closed with the Camel context instead ({@link #shut()}).
 */
final class ProviderConnections implements HttpClientConnectionManager {

    private final HttpClientConnectionManager pool;

    ProviderConnections(HttpClientConnectionManager pool) {
        this.pool = pool;
    }

    @Override
    public LeaseRequest lease(String id, HttpRoute route, Timeout requestTimeout, Object state) {
        return pool.lease(id, route, requestTimeout, state);
    }

    @Override
    public void release(ConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
        pool.release(endpoint, newState, validDuration);
    }

    @Override
    public void connect(ConnectionEndpoint endpoint, TimeValue connectTimeout, HttpContext context)
            throws IOException {
        pool.connect(endpoint, connectTimeout, context);
    }

    @Override
    public void upgrade(ConnectionEndpoint endpoint, HttpContext context) throws IOException {
        pool.upgrade(endpoint, context);
    }

    /** An endpoint stopping, or its client closing: the pool stays open for the endpoint made next. */
    @Override
    public void close(CloseMode closeMode) {
    }

    /** An endpoint stopping, or its client closing: the pool stays open for the endpoint made next. */
    @Override
    public void close() {
    }

    /** Closes the pool and its connections, when the Camel context stops. */
    void shut() {
        pool.close(CloseMode.GRACEFUL);
    }
}
