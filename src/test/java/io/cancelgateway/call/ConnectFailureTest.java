package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

/** Which failed calls never sent their request, so that an ERROR after them is not followed at the provider. */
class ConnectFailureTest {

    @Test
    void onlyFailuresBeforeTheRequestLeftAreConnectFailures() {
        List<Throwable> beforeSending = List.of(new ConnectException("refused"), new HttpHostConnectException("x"),
                new ConnectTimeoutException("connect timed out"), new ConnectionRequestTimeoutException("pool"),
                new UnknownHostException("nowhere"), new NoRouteToHostException("no route"),
                new SSLHandshakeException("handshake"));
        List<Throwable> maybeAfter = List.of(new SocketTimeoutException("read timed out"),
                new NoHttpResponseException("no response"), new SocketException("Connection reset"),
                new MessageConstraintException("head"), AnswerNotRead.tooLong("hyperswitch"),
                new IOException("other"));

        assertThat(beforeSending).allMatch(ConnectFailure::is);
        assertThat(maybeAfter).noneMatch(ConnectFailure::is);
    }
}
