package io.cancelgateway.call;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.Exchange;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.CallReport;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
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
    private final CallKind kind;
    private final CancelRequest request;
    private final CancelTarget target;
    private final ProviderCredentials credentials;
    private final long deadline;
    private final List<AttemptRecord> attempts = new ArrayList<>();
    private CallReport report;
    private boolean outcomeUnknown;
    private long queuedAt;
    private long attemptStartedNanos;
    private ProviderGuard admittedBy;
    private List<String> signatures = List.of();

    /**
     * @param kind the cancel, or a check of its target's status
     * @param request the request as sent, its merchant decided
     * @param deadline the {@link System#nanoTime()} by which all attempts must be over
     */
    CancelCall(Provider provider, CallKind kind, CancelRequest request, CancelTarget target,
            ProviderCredentials credentials, long deadline) {
        this.provider = provider;
        this.kind = kind;
        this.request = request;
        this.target = target;
        this.credentials = credentials;
        this.deadline = deadline;
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

    CallKind kind() {
        return kind;
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

    /** The secrets this call sends: its credentials and its last attempt's signature. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>(signatures);
        secrets.add(credentials.apiKey());
        if (credentials.secretKey() != null) {
            secrets.add(credentials.secretKey());
        }
        return secrets;
    }

    void signed(Collection<String> signatureValues) {
        signatures = List.copyOf(signatureValues);
    }

    /** The calls made so far, masked of secrets. */
    List<AttemptRecord> attempts() {
        return attempts;
    }

    /** How the last attempt went; null before the first. */
    CallReport report() {
        return report;
    }

    long deadline() {
        return deadline;
    }

    void queued() {
        queuedAt = System.nanoTime();
    }

    long queuedAt() {
        return queuedAt;
    }

    /** The attempt holds one of the provider's slots, let through by its circuit. */
    void admitted(ProviderGuard guard) {
        admittedBy = guard;
    }

    /**
     * Ends the attempt's admission: its slot is freed and its circuit told how the provider did, or, when the attempt
     * ended before the provider could tell anything, that it tells nothing.
     *
     * @param providerAnswered null when the attempt says nothing about the provider
     */
    void leave(Boolean providerAnswered) {
        ProviderGuard guard = admittedBy;
        if (guard == null) {
            return;
        }
        admittedBy = null;
        guard.release();
        if (providerAnswered == null) {
            guard.circuit().abandoned();
        } else if (providerAnswered) {
            guard.circuit().succeeded();
        } else {
            guard.circuit().failed(System.nanoTime());
        }
    }

    void attemptStarting() {
        attemptStartedNanos = System.nanoTime();
    }

    long attemptStartedNanos() {
        return attemptStartedNanos;
    }

    /** An earlier run of the request may have reached the provider: this run's answers may be about that one's. */
    void afterLostAnswer() {
        outcomeUnknown = true;
    }

    void attempted(AttemptRecord attempt, CallReport afterIt) {
        attempts.add(attempt);
        report = afterIt;
        outcomeUnknown |= afterIt.outcomeUnknown();
    }

    /**
     * Whether an attempt may have reached the provider without the gateway learning what it did (a 5xx, or no answer
     * it could read after its request went out), whatever the attempts after it got, or an earlier run may have.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /**
     * Whether the provider can follow the cancel until its outcome is final: it has a status API that this target
     * gives enough to call, and the outcome may still change: PENDING, or an ERROR or a REJECTED after an attempt whose
     * outcome is unknown. Such a refusal may be the provider's answer to the gateway's own earlier cancel, in progress
     * or done (Hyperswitch's IR_16 for a payment in status processing, KwikPaisa's "Permission denied").
     */
    boolean followable(ProviderApi api, Outcome outcome) {
        boolean mayChange = outcome == Outcome.PENDING
                || (outcome == Outcome.ERROR || outcome == Outcome.REJECTED) && outcomeUnknown;
        return mayChange && api.statusApi().filter(status -> status.canFollow(target)).isPresent();
    }
}
