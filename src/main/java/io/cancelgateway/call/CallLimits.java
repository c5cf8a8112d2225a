package io.cancelgateway.call;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpActivityListener;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.util.Timeout;

import io.cancelgateway.provider.ProviderSettings;

/**
 * Bounds every attempt in time and size: it gets the provider's connect and read timeouts, cut to what is left of the
 * cancel's deadline, and no read of its connection goes past the deadline ({@link DeadlineSocket}), so that the
 * deadline bounds the attempts themselves, not only the waits between them; and its answer is read up to
 * {@link LimitedAnswer#MAX_BYTES}, and only as sent: a compressed one is refused. Both an {@link HttpClientConfigurer}
 * (it adds the interceptors) and an {@link HttpActivityListener}: with a listener, camel-http puts the exchange into
 * each request's context, where the interceptors find the cancel's call.
 */
@ApplicationScoped
@Named("callLimits")
public class CallLimits implements HttpClientConfigurer, HttpActivityListener {

    /** Where camel-http puts the exchange in the request's context when an activity listener is set. */
    private static final String EXCHANGE = "org.apache.camel.Exchange";
    private static final long LEAST_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ConfiguredProviders providers;

    public CallLimits(ConfiguredProviders providers) {
        this.providers = providers;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder client) {
        client.addRequestInterceptorFirst((request, entity, context) -> {
            if (context.getAttribute(EXCHANGE) instanceof Exchange exchange
                    && exchange.getProperty(CancelCall.PROPERTY) instanceof CancelCall call) {
                HttpClientContext http = HttpClientContext.castOrCreate(context);
                http.setRequestConfig(timeoutsFor(call, http.getRequestConfigOrDefault()));
            }
        });
        // From the connection to the answer's head; the body's reads are the limited answer's.
        client.addExecInterceptorAfter(ChainElement.PROTOCOL.name(), "cancel-deadline", (request, scope, chain) -> {
            if (!(scope.clientContext.getAttribute(EXCHANGE) instanceof Exchange exchange
                    && exchange.getProperty(CancelCall.PROPERTY) instanceof CancelCall call)) {
                return chain.proceed(request, scope);
            }
            DeadlineSocket.readUntil(call.deadline());
            try {
                return chain.proceed(request, scope);
            } finally {
                DeadlineSocket.readWithoutDeadline();
            }
        });
        // Before HttpClient hands the answer over: camel-http reads it whole, into memory, and decompresses it.
        client.addResponseInterceptorLast((response, entity, context) -> {
            if (response instanceof ClassicHttpResponse answer && answer.getEntity() != null
                    && context.getAttribute(EXCHANGE) instanceof Exchange exchange
                    && exchange.getProperty(CancelCall.PROPERTY) instanceof CancelCall call) {
                Header encoding = answer.getFirstHeader(HttpHeaders.CONTENT_ENCODING);
                if (encoding != null && !encoding.getValue().isBlank()
                        && !"identity".equalsIgnoreCase(encoding.getValue().trim())) {
                    throw AnswerNotRead.encoded(call.provider().id(), encoding.getValue());
                }
                answer.setEntity(new LimitedAnswer(answer.getEntity(), call.provider().id(), call.deadline()));
            }
        });
    }

    @SuppressWarnings("deprecation") // the connect timeout of a request still wins over its connection manager's
    private RequestConfig timeoutsFor(CancelCall call, RequestConfig configured) {
        ProviderSettings settings = providers.settings(call.provider());
        long left = Math.max(LEAST_NANOS, call.deadline() - System.nanoTime());
        return RequestConfig.copy(configured)
                .setConnectionRequestTimeout(Timeout.of(left, TimeUnit.NANOSECONDS))
                .setConnectTimeout(shorter(settings.connectTimeout(), left))
                .setResponseTimeout(shorter(settings.readTimeout(), left))
                .build();
    }

    private static Timeout shorter(Duration configured, long leftNanos) {
        return Timeout.of(Math.min(configured.toNanos(), leftNanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onRequestSubmitted(Object source, Exchange exchange, HttpHost host, HttpRequest request,
            HttpEntity entity) {
        // Listening only makes camel-http hand the exchange to the interceptor; the attempt is recorded by its route.
    }

    @Override
    public void onResponseReceived(Object source, Exchange exchange, HttpHost host, HttpResponse response,
            HttpEntity entity, long elapsed) {
        // As above.
    }
}
