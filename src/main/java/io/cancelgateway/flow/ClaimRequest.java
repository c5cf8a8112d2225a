package io.cancelgateway.flow;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncCallbackToCompletableFutureAdapter;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.Claim;
import io.cancelgateway.journal.IdempotencyConfig;
import io.cancelgateway.journal.RequestInProgress;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;

/**
 * Records the request in the journal before anything is called, and makes a repeat of a request answer from its stored
 * result: a final result is replayed; a run in progress is waited for; ERROR and AUTH_FAILED are attempted again; a
 * request id already used for a different request is refused. A duplicate waiting for the run in progress holds no
 * thread: it looks again from a timer, ever less often, up to {@code cancel.idempotency.wait}. A JMS request waits on
 * its consumer's thread, which its transaction is bound to.
 */
@ApplicationScoped
@Named("claimRequest")
public class ClaimRequest implements AsyncProcessor {

    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofMillis(250);
    private static final int LOOKING_THREADS = 2;

    private final CancelJournal journal;
    private final IdempotencyConfig config;
    private final ScheduledExecutorService looks;

    public ClaimRequest(CancelJournal journal, IdempotencyConfig config) {
        this.journal = journal;
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        this.looks = Executors.newScheduledThreadPool(LOOKING_THREADS, task -> {
            Thread thread = new Thread(task, "duplicate-wait-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        // Not shutdownNow: an interrupted thread reading H2's file makes H2 close it for good. The looks already
        // scheduled still run; one that finds the run still in progress can schedule no other and answers so.
        looks.shutdown();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CancelRequest request;
        try {
            request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        } catch (Exception unreadable) {
            exchange.setException(unreadable);
            callback.done(true);
            return true;
        }
        if (!CancelRequestValidator.usableRequestId(request.requestId())
                || exchange.getProperty(CancelExchange.FORBIDDEN, false, Boolean.class)) {
            // Answered INVALID unjournaled: an id that is not one cannot key the journal, and a forbidden request
            // must leave nothing that could replay or block a request of the client it was not allowed to act for.
            callback.done(true);
            return true;
        }
        Channel channel = Channel.byId(exchange.getProperty(CancelExchange.CHANNEL, String.class));
        Waiting waiting = new Waiting(exchange, callback, RequestClient.of(exchange).name(), request, channel,
                System.nanoTime() + config.waitTimeout().toNanos());
        try {
            if (waiting.look(!exchange.getProperty(CancelExchange.REDELIVERY, false, Boolean.class))) {
                callback.done(true);
                return true;
            }
        } catch (RuntimeException failed) {
            exchange.setException(failed);
            callback.done(true);
            return true;
        }
        if (exchange.isTransacted()) {
            waiting.onThisThread();
            callback.done(true);
            return true;
        }
        waiting.later(FIRST_POLL);
        return false;
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

    /** One duplicate waiting for the run in progress. */
    private final class Waiting {

        private final Exchange exchange;
        private final AsyncCallback callback;
        private final String client;
        private final CancelRequest request;
        private final Channel channel;
        private final long deadline;

        Waiting(Exchange exchange, AsyncCallback callback, String client, CancelRequest request, Channel channel,
                long deadline) {
            this.exchange = exchange;
            this.callback = callback;
            this.client = client;
            this.request = request;
            this.channel = channel;
            this.deadline = deadline;
        }

        /**
         * Asks the journal once. Whatever the run waited for ends with is this duplicate's answer, so only the first
         * look attempts a stored ERROR or AUTH_FAILED again, and not for a redelivery
         * ({@link CancelExchange#REDELIVERY}).
         *
         * @return whether the claim is decided (owned, answered or refused); false while another run holds it
         * @throws RequestInProgress when it still does after the wait
         */
        boolean look(boolean reattempt) {
            Claim claim = journal.claim(client, request, channel, reattempt, config.staleAfter());
            if (claim instanceof Claim.Owned owned) {
                exchange.setProperty(CancelExchange.CLAIM, owned.token());
                if (owned.afterLostAnswer()) {
                    exchange.setProperty(CancelExchange.AFTER_LOST_ANSWER, true);
                }
                return true;
            }
            if (claim instanceof Claim.Reused) {
                exchange.setProperty(CancelExchange.RESULT, CancelResult.withoutCall(request, Outcome.INVALID,
                        "request_id " + request.requestId() + " was used before for a different request: the key, "
                        + "not the body, identifies a request, so a new cancel needs a new request_id"));
                exchange.setProperty(CancelExchange.KEY_REUSED, true);
                return true;
            }
            if (claim instanceof Claim.Finished finished) {
                exchange.setProperty(CancelExchange.RESULT, finished.result());
                exchange.setProperty(CancelExchange.REPLAYED, true);
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new RequestInProgress(request.requestId());
            }
            return false;
        }

        void later(Duration poll) {
            try {
                looks.schedule(() -> {
                    boolean decided;
                    try {
                        decided = look(false);
                    } catch (RuntimeException failed) {
                        exchange.setException(failed);
                        decided = true;
                    }
                    if (decided) {
                        callback.done(false);
                    } else {
                        later(next(poll));
                    }
                }, poll.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                exchange.setException(new RequestInProgress(request.requestId()));
                callback.done(false);
            }
        }

        void onThisThread() {
            Duration poll = FIRST_POLL;
            try {
                do {
                    Thread.sleep(poll.toMillis());
                    poll = next(poll);
                } while (!look(false));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                exchange.setException(interrupted);
            } catch (RuntimeException failed) {
                exchange.setException(failed);
            }
        }

        private Duration next(Duration poll) {
            Duration doubled = poll.multipliedBy(2);
            return doubled.compareTo(MAX_POLL) > 0 ? MAX_POLL : doubled;
        }
    }
}
