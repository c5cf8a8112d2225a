package io.cancelgateway.call;

import java.io.IOException;
import java.util.Set;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * A provider's connection pool as its HTTP endpoint sees it: one the endpoint cannot close. camel-http closes an
 * endpoint's connection manager when the endpoint stops, and the pool is a bean of the registry that the endpoint made
 * again for the same route finds as it was left: a provider route removed and added again (routes reloaded, a route
 * advised) called its provider over a pool shut down, every call failing until the service restarted. The pool is
 * closed with the Camel context instead ({@link #shut()}). Its controls and statistics are the pool's, which the
 * endpoint shows over JMX.
 */
final class ProviderConnections implements HttpClientConnectionManager, ConnPoolControl<HttpRoute> {

    private final PoolingHttpClientConnectionManager pool;

    ProviderConnections(PoolingHttpClientConnectionManager pool) {
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

    @Override
    public void setMaxTotal(int max) {
        pool.setMaxTotal(max);
    }

    @Override
    public int getMaxTotal() {
        return pool.getMaxTotal();
    }

    @Override
    public void setDefaultMaxPerRoute(int max) {
        pool.setDefaultMaxPerRoute(max);
    }

    @Override
    public int getDefaultMaxPerRoute() {
        return pool.getDefaultMaxPerRoute();
    }

    @Override
    public void setMaxPerRoute(HttpRoute route, int max) {
        pool.setMaxPerRoute(route, max);
    }

    @Override
    public int getMaxPerRoute(HttpRoute route) {
        return pool.getMaxPerRoute(route);
    }

    @Override
    public void closeIdle(TimeValue idleTime) {
        pool.closeIdle(idleTime);
    }

    @Override
    public void closeExpired() {
        pool.closeExpired();
    }

    @Override
    public Set<HttpRoute> getRoutes() {
        return pool.getRoutes();
    }

    @Override
    public PoolStats getTotalStats() {
        return pool.getTotalStats();
    }

    @Override
    public PoolStats getStats(HttpRoute route) {
        return pool.getStats(route);
    }

    /** Closes the pool and its connections, when the Camel context stops. */
    void shut() {
        pool.close(CloseMode.GRACEFUL);
    }
}
