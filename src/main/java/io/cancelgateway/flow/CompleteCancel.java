package io.cancelgateway.flow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;

/**
 * Ends every cancel the same way whatever happened: stamps channel, completion time and duration on the result and
 * makes it the message body, which the journal then records and {@link ReportCancel} logs.
 */
@ApplicationScoped
@Named("completeCancel")
public class CompleteCancel implements Processor {

    private final Clock clock = Clock.systemUTC();

    @Override
    public void process(Exchange exchange) {
        CancelResult decided = exchange.getProperty(CancelExchange.RESULT, CancelResult.class);
        Channel channel = Channel.byId(exchange.getProperty(CancelExchange.CHANNEL, String.class));
        long started = exchange.getProperty(CancelExchange.STARTED_NANOS, Long.class);
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        boolean replayed = exchange.getProperty(CancelExchange.REPLAYED, false, Boolean.class);
        // A replay is the stored result as it was, marked as such; only a new run gets new stamps.
        CancelResult result = replayed ? decided.asReplay()
                : decided.completed(channel, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), durationMs);
        exchange.getMessage().setBody(result);
    }
}
