package io.cancelgateway.provider;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one {@link OutboundCall} and returns the answer. One instance per provider: it keeps that provider's pooled
 * keep-alive connections and its connect timeout. Only the call's own headers are sent, plus the transport headers
 * the HTTP client adds itself (Host, Content-Length, Connection) and our User-Agent.
 */
public final class ProviderHttpClient {

    public static final String USER_AGENT = "cancel-gateway/1.0";

    private final HttpClient client;
    private final Duration readTimeout;

    public ProviderHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    /**
     * @throws java.net.http.HttpTimeoutException when no answer came within the read timeout
     * @throws java.net.ConnectException when no connection could be made
     * @throws IOException on any other transport failure
     */
    public ProviderAnswer send(OutboundCall call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(readTimeout)
                .header("User-Agent", USER_AGENT)
                .method(call.method(), call.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(request::header);
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new ProviderAnswer(response.statusCode(), response.headers(),
                new String(response.body(), StandardCharsets.UTF_8));
    }
}
