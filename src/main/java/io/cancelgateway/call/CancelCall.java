package io.cancelgateway.call;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.provider.CallReport;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderCredentials;

/**
 * The state of one cancel's calls to its provider, kept on the exchange across attempts: what is sent, with which
 * credentials, and how each attempt went. Its attempts list is also the exchange's {@link CancelExchange#ATTEMPTS},
 * which the journal stores with the result and the redelivery policy counts.
 */
public final class CancelCall {

    /** The exchange property holding it. */
    public static final String PROPERTY = "CancelCall";

    private final Provider provider;
    private final CancelRequest request;
    private final CancelTarget target;
    private final ProviderCredentials credentials;
    private final List<AttemptRecord> attempts = new ArrayList<>();
    private CallReport report;
    private long attemptStartedNanos;

    /** @param request the request as sent, its merchant decided */
    CancelCall(Provider provider, CancelRequest request, CancelTarget target, ProviderCredentials credentials) {
        this.provider = provider;
        this.request = request;
        this.target = target;
        this.credentials = credentials;
    }

    static CancelCall of(Exchange exchange) {
        CancelCall call = exchange.getProperty(PROPERTY, CancelCall.class);
        if (call == null) {
            throw new IllegalStateException("no provider call prepared for this exchange");
        }
        return call;
    }

    void attachTo(Exchange exchange) {
        exchange.setProperty(PROPERTY, this);
        exchange.setProperty(CancelExchange.ATTEMPTS, attempts);
    }

    Provider provider() {
        return provider;
    }

    CancelRequest request() {
        return request;
    }

    CancelTarget target() {
        return target;
    }

    ProviderCredentials credentials() {
        return credentials;
    }

    /** The calls made so far, masked of secrets. */
    List<AttemptRecord> attempts() {
        return attempts;
    }

    /** How the last attempt went; null before the first. */
    CallReport report() {
        return report;
    }

    void attemptStarting() {
        attemptStartedNanos = System.nanoTime();
    }

    long attemptStartedNanos() {
        return attemptStartedNanos;
    }

    void attempted(AttemptRecord attempt, CallReport afterIt) {
        attempts.add(attempt);
        report = afterIt;
    }
}
