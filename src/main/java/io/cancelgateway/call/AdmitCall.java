package io.cancelgateway.call;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncCallbackToCompletableFutureAdapter;

import io.cancelgateway.provider.ProviderSettings;

/**
 * Lets an attempt call its provider, or refuses it without a call: when the cancel's deadline has passed, when the
 * provider's circuit is open, when none of its {@code max-concurrent-calls} frees up within {@code max-queue-wait}, or
 * when it would wait for one while the service stops.
 * An attempt waiting for a slot holds no thread, except a JMS request's, whose transaction is its consumer thread's.
 */
@ApplicationScoped
@Named("admitCall")
public class AdmitCall implements AsyncProcessor {

    private final ConfiguredProviders providers;
    private final ProviderGuards guards;

    public AdmitCall(ConfiguredProviders providers, ProviderGuards guards) {
        this.providers = providers;
        this.guards = guards;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CancelCall call = CancelCall.of(exchange);
        ProviderSettings settings = providers.settings(call.provider());
        String provider = call.provider().id();
        if (System.nanoTime() - call.deadline() >= 0) {
            return refuse(exchange, callback, new CallRefused("no definitive answer from " + provider
                    + " within its deadline of " + seconds(settings.deadline()), true));
        }
        ProviderGuard guard = guards.of(call.provider());
        if (!guard.circuit().allowsCall(System.nanoTime())) {
            return refuse(exchange, callback, new CallRefused(provider + " is unavailable: its last "
                    + settings.circuitFailures() + " calls failed, so it is not called until "
                    + seconds(settings.circuitOpenFor()) + " have passed and a trial call succeeds", false));
        }
        long wait = guard.slotWait(call.deadline());
        if (exchange.isTransacted()) {
            try {
                CallSlots.Taking taking = guard.slots().takeWaiting(wait);
                if (taking == CallSlots.Taking.TAKEN) {
                    call.admitted(guard);
                } else {
                    guard.circuit().abandoned();
                    exchange.setException(refusal(taking, settings, provider));
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                guard.circuit().abandoned();
                exchange.setException(interrupted);
            }
            callback.done(true);
            return true;
        }
        CallSlots.Taking taking = guard.slots().take(wait, () -> {
            call.admitted(guard);
            callback.done(false);
        }, () -> {
            guard.circuit().abandoned();
            exchange.setException(busy(settings, provider));
            callback.done(false);
        });
        if (taking == CallSlots.Taking.WAITING) {
            return false;
        }
        if (taking == CallSlots.Taking.TAKEN) {
            call.admitted(guard);
        } else {
            guard.circuit().abandoned();
            exchange.setException(refusal(taking, settings, provider));
        }
        callback.done(true);
        return true;
    }

    @Override
    public CompletableFuture<Exchange> processAsync(Exchange exchange) {
        AsyncCallbackToCompletableFutureAdapter<Exchange> callback = new AsyncCallbackToCompletableFutureAdapter<>(
                exchange);
        process(exchange, callback);
        return callback.getFuture();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        processAsync(exchange).get();
    }

    /** Why a call found no slot: the provider busy, or the service stopping (nothing could end a wait). */
    static CallRefused refusal(CallSlots.Taking taking, ProviderSettings settings, String provider) {
        return taking == CallSlots.Taking.STOPPED
                ? new CallRefused(provider + " was not called: the service is stopping", false)
                : busy(settings, provider);
    }

    private static CallRefused busy(ProviderSettings settings, String provider) {
        return new CallRefused(provider + " is busy: all its " + settings.maxConcurrentCalls()
                + " calls are in flight and none ended within " + seconds(settings.maxQueueWait()), false);
    }

    private static boolean refuse(Exchange exchange, AsyncCallback callback, CallRefused refused) {
        exchange.setException(refused);
        callback.done(true);
        return true;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
