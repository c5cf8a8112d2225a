package io.cancelgateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.Claim;
import io.cancelgateway.journal.FollowUp;
import io.cancelgateway.journal.JournalDatabase;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.sync.SyncConfig;

/** A check asked for over REST against a real H2 journal, with a poll's check ending between its two looks. */
class LeaseRequestedCheckJournalTest {

    private static final String CLIENT = "default";
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path directory;

    private JournalDatabase database;

    @BeforeEach
    void openJournal() throws Exception {
        database = new JournalDatabase(directory);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void aCheckThatEndedBetweenTheFirstLookAndTheLeaseIsSeenUnderTheLeaseWhichIsGivenBack() {
        // The first look finds no check; by the second a poll's check has just ended.
        AtomicInteger looks = new AtomicInteger();
        CancelJournal journal = new CancelJournal(database.dataSource(), Clock.systemUTC()) {
            @Override
            public Optional<Instant> lastStatusCheckEnd(String client, String requestId) {
                return looks.incrementAndGet() == 1 ? Optional.empty() : Optional.of(Instant.now());
            }
        };
        followed(journal, "req-race");
        LeaseRequestedCheck check = new LeaseRequestedCheck(journal, new AskedEvery(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> check.leaseUnlessCheckedRecently(CLIENT, "req-race"))
                .isInstanceOfSatisfying(RestRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(429);
                    assertThat(rejection.error()).isEqualTo("sync_too_soon");
                    assertThat(rejection.retryAfter()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
                });
        assertThat(looks).hasValue(2);
        // Given back: nothing holds the result for the lease's five minutes.
        assertThat(journal.leaseNow(CLIENT, "req-race", LEASE)).isPresent();
    }

    @Test
    void aResultNotCheckedRecentlyIsLeasedOnceAndASecondAskIsInProgress() {
        CancelJournal journal = new CancelJournal(database.dataSource(), Clock.systemUTC());
        followed(journal, "req-free");
        LeaseRequestedCheck check = new LeaseRequestedCheck(journal, new AskedEvery(Duration.ofSeconds(10)));

        assertThat(check.leaseUnlessCheckedRecently(CLIENT, "req-free").requestId()).isEqualTo("req-free");
        assertThatThrownBy(() -> check.leaseUnlessCheckedRecently(CLIENT, "req-free"))
                .isInstanceOfSatisfying(RestRejection.class,
                        rejection -> assertThat(rejection.error()).isEqualTo("sync_in_progress"));
    }

    private static void followed(CancelJournal journal, String requestId) {
        CancelRequest request = new CancelRequest(requestId, "hyperswitch", "m-1", "pay_" + requestId, null, null,
                null);
        String token = ((Claim.Owned) journal.claim(CLIENT, request, Channel.REST, false, Duration.ofMinutes(2)))
                .token();
        CancelResult pending = CancelResult.withoutCall(request, Outcome.PENDING, null)
                .withSync(SyncState.FOLLOWING, Instant.now().plus(Duration.ofHours(1)).toString(), null, 0);
        assertThat(journal.complete(CLIENT, requestId, token, pending, List.of(),
                new FollowUp(Instant.now().plus(Duration.ofDays(1)), null), false)).isTrue();
    }

    private record AskedEvery(Duration askedMinInterval) implements SyncConfig {

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Duration firstDelay() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration maxInterval() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration deadline() {
            return Duration.ofHours(24);
        }

        @Override
        public int concurrency() {
            return 8;
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration lease() {
            return LEASE;
        }
    }
}
