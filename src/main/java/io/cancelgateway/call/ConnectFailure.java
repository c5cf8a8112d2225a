package io.cancelgateway.call;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * A call that failed before its request could leave: no connection (refused, timed out, no route, unknown host, TLS
 * handshake refused) or none free in the provider's pool in time. Any other failure may have come after the provider
 * received the request, so what it did is unknown.
 */
final class ConnectFailure {

    private ConnectFailure() {
    }

    static boolean is(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof ConnectTimeoutException
                || failure instanceof ConnectionRequestTimeoutException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException || failure instanceof SSLHandshakeException;
    }
}
