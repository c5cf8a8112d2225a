package io.cancelgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.cancelgateway.client.Client;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.Claim;
import io.cancelgateway.journal.IdempotencyConfig;
import io.cancelgateway.journal.JournalDatabase;
import io.cancelgateway.journal.RequestInProgress;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.Channel;

/** A duplicate waiting for the run in progress, on a real H2 journal, when the service stops. */
@Timeout(60)
class ClaimRequestTest {

    private static final Client CLIENT = new Client("default", Set.of(), true, Set.of(), "");
    private static final CancelRequest REQUEST = new CancelRequest("req-stop", "hyperswitch", "m-1", "pay_1", null,
            null, null);

    @TempDir
    Path directory;

    private JournalDatabase database;
    private CancelJournal journal;
    private ClaimRequest claims;
    private DefaultCamelContext camel;

    @BeforeEach
    void openJournal() throws Exception {
        database = new JournalDatabase(directory);
        journal = new CancelJournal(database.dataSource(), Clock.systemUTC());
        claims = new ClaimRequest(journal, new Waits(Duration.ofSeconds(30)));
        camel = new DefaultCamelContext();
        // Another run holds the request: every duplicate waits for it.
        assertThat(journal.claim(CLIENT.name(), REQUEST, Channel.REST, false, Duration.ofMinutes(2)))
                .isInstanceOf(Claim.Owned.class);
    }

    @AfterEach
    void close() throws Exception {
        claims.stop();
        database.close();
    }

    @Test
    void aDuplicateWaitingWhenTheServiceStopsIsAnsweredInProgressAndTheJournalStaysUsable() throws Exception {
        Exchange duplicate = duplicate();
        CompletableFuture<Boolean> done = new CompletableFuture<>();

        assertThat(claims.process(duplicate, done::complete)).isFalse();
        claims.stop();

        // Its next look still runs, finds the run in progress and, with no later look possible, answers at once
        // rather than leaving the caller waiting for a callback that never comes.
        assertThat(done.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(duplicate.getException()).isInstanceOf(RequestInProgress.class)
                .hasMessageContaining("req-stop");
        // Nothing was interrupted on H2's file: the journal still reads and writes.
        assertThat(journal.find(CLIENT.name(), "req-stop")).isPresent();
        assertThat(journal.claim(CLIENT.name(), new CancelRequest("req-after", "hyperswitch", "m-1", "pay_2", null,
                null, null), Channel.REST, false, Duration.ofMinutes(2))).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void aDuplicateArrivingAfterTheStopIsAnsweredInProgressAtOnce() throws Exception {
        claims.stop();
        Exchange duplicate = duplicate();
        CompletableFuture<Boolean> done = new CompletableFuture<>();

        claims.process(duplicate, done::complete);

        assertThat(done.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(duplicate.getException()).isInstanceOf(RequestInProgress.class);
    }

    private Exchange duplicate() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(REQUEST);
        exchange.setProperty(CancelExchange.CLIENT, CLIENT);
        exchange.setProperty(CancelExchange.CHANNEL, Channel.REST.id());
        return exchange;
    }

    private record Waits(Duration waitTimeout) implements IdempotencyConfig {

        @Override
        public Duration staleAfter() {
            return Duration.ofMinutes(2);
        }
    }
}
