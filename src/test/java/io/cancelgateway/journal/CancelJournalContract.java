package io.cancelgateway.journal;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.provider.CallKind;

/**
 * What the journal promises, whatever database holds it: each subclass runs every case on its own database, migrated
 * by the service's Flyway script, and empty at the start of each test.
 */
abstract class CancelJournalContract {

    static final Instant START = Instant.parse("2026-05-13T09:00:00.123456789Z");
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    AdjustableClock clock;
    CancelJournal journal;

    /** Creates an empty database for one test. */
    abstract void createDatabase() throws Exception;

    /** A new datasource on the test's database, opening a new connection per call: each one is another instance. */
    abstract DataSource dataSource();

    abstract void dropDatabase() throws Exception;

    FluentConfiguration migration(FluentConfiguration flyway) {
        return flyway;
    }

    @BeforeEach
    void openJournal() throws Exception {
        createDatabase();
        migration(Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration")).load().migrate();
        clock = new AdjustableClock(START);
        journal = new CancelJournal(dataSource(), clock);
    }

    @AfterEach
    void closeJournal() throws Exception {
        dropDatabase();
    }

    // ---- claims and results

    @Test
    void aNewRequestIsOwnedUntilItsResultIsStored() {
        CancelRequest request = new CancelRequest("req-new", "hyperswitch", "m-1", "pay_new",
                "le client a dit \"non\" — 取消", "cus_1", null);

        String token = owned(journal.claim("default", request, Channel.FILE, false, STALE_AFTER));

        JournalEntry claimed = journal.find("default", "req-new").orElseThrow();
        assertThat(claimed.inProgress()).isTrue();
        assertThat(claimed.result()).isNull();
        assertThat(claimed.request()).isEqualTo(request);
        assertThat(claimed.channel()).isEqualTo(Channel.FILE);
        assertThat(claimed.receivedAt()).isEqualTo(START.truncatedTo(ChronoUnit.MICROS));

        clock.advance(Duration.ofMillis(350));
        CancelResult result = result(request, Outcome.CANCELLED, Channel.FILE);
        assertThat(journal.complete("default", "req-new", token, result, List.of(), null, false)).isTrue();

        JournalEntry done = journal.find("default", "req-new").orElseThrow();
        assertThat(done.inProgress()).isFalse();
        assertThat(done.result()).isEqualTo(result);
        assertThat(done.request()).isEqualTo(request);
        assertThat(done.requestId()).isEqualTo("req-new");
        assertThat(done.receivedAt()).isEqualTo(START.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aRequestNeverClaimedIsNotThere() {
        assertThat(journal.find("default", "req-unknown")).isEmpty();
        assertThat(journal.attempts("default", "req-unknown")).isEmpty();
    }

    @Test
    void onlyTheOwnerCompletes() {
        CancelRequest request = request("req-owner");
        owned(journal.claim("default", request, Channel.REST, false, STALE_AFTER));

        assertThat(journal.complete("default", "req-owner", "not-the-token", result(request, Outcome.CANCELLED, Channel.REST),
                List.of(), null, false)).isFalse();
        assertThat(journal.find("default", "req-owner").orElseThrow().inProgress()).isTrue();
    }

    @ParameterizedTest(name = "{0}, reattempt={1}")
    @CsvSource({
            "CANCELLED, false", "CANCELLED, true",
            "ALREADY_CANCELLED, false", "ALREADY_CANCELLED, true",
            "PENDING, false", "PENDING, true",
            "REJECTED, false", "REJECTED, true",
            "NOT_FOUND, false", "NOT_FOUND, true",
            "INVALID, false", "INVALID, true" })
    void aRepeatOfAFinalResultIsAnsweredFromTheJournal(Outcome outcome, boolean reattempt) {
        CancelRequest request = request("req-final");
        CancelResult stored = finish(request, outcome, Channel.REST);
        clock.advance(Duration.ofHours(1));

        Claim repeat = journal.claim("default", request, Channel.JMS, reattempt, STALE_AFTER);

        assertThat(repeat).isEqualTo(new Claim.Finished(stored));
        JournalEntry entry = journal.find("default", "req-final").orElseThrow();
        assertThat(entry.inProgress()).isFalse();
        assertThat(entry.channel()).isEqualTo(Channel.REST);
    }

    @Test
    void aRequestIdUsedForAnotherCancelIsRefusedWhetherTheFirstIsFinishedOrInProgress() {
        CancelRequest first = request("req-reused");
        CancelRequest other = new CancelRequest("req-reused", first.provider(), first.merchantId(), "ord-other",
                first.reason(), first.customerId(), null);
        owned(journal.claim("default", first, Channel.REST, true, STALE_AFTER));

        assertThat(journal.claim("default", other, Channel.JMS, true, STALE_AFTER)).isEqualTo(new Claim.Reused());
        assertThat(journal.claim("default", first, Channel.JMS, true, STALE_AFTER)).isEqualTo(new Claim.Busy());

        CancelRequest done = request("req-reused-done");
        finish(done, Outcome.CANCELLED, Channel.REST);
        assertThat(journal.claim("default", new CancelRequest("req-reused-done", "kwikpaisa", done.merchantId(),
                done.reference(), done.reason(), done.customerId(), null), Channel.REST, true, STALE_AFTER))
                .isEqualTo(new Claim.Reused());
        assertThat(journal.find("default", "req-reused-done").orElseThrow().result().outcome()).isEqualTo(Outcome.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = { "ERROR", "AUTH_FAILED" })
    void aReattemptTakesOverAStoredErrorOrAuthFailure(Outcome outcome) {
        CancelRequest request = request("req-retry");
        String firstToken = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        assertThat(journal.complete("default", "req-retry", firstToken, result(request, outcome, Channel.REST), List.of(), null, false))
                .isTrue();
        clock.advance(Duration.ofMinutes(5));

        String secondToken = owned(journal.claim("default", request, Channel.JMS, true, STALE_AFTER));

        assertThat(secondToken).isNotEqualTo(firstToken);
        JournalEntry retrying = journal.find("default", "req-retry").orElseThrow();
        assertThat(retrying.inProgress()).isTrue();
        assertThat(retrying.result()).isNull();
        assertThat(retrying.channel()).isEqualTo(Channel.JMS);
        assertThat(journal.list(all(50)).items()).isEmpty();
        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER)).isEqualTo(new Claim.Busy());

        CancelResult cancelled = result(request, Outcome.CANCELLED, Channel.JMS);
        assertThat(journal.complete("default", "req-retry", firstToken, cancelled, List.of(), null, false)).isFalse();
        assertThat(journal.complete("default", "req-retry", secondToken, cancelled, List.of(), null, false)).isTrue();
        assertThat(journal.find("default", "req-retry").orElseThrow().result()).isEqualTo(cancelled);
        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER)).isEqualTo(new Claim.Finished(cancelled));
    }

    @ParameterizedTest(name = "[{index}] {0} stored with lost_answer {1}")
    @CsvSource({ "ERROR, true", "ERROR, false", "AUTH_FAILED, true", "AUTH_FAILED, false" })
    void aReattemptIsToldWhetherARunBeforeItMayHaveReachedTheProvider(Outcome outcome, boolean lostAnswer) {
        CancelRequest request = request("req-lost");
        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER))
                .isEqualTo(new Claim.Owned(tokenOf("req-lost"), false));
        assertThat(journal.complete("default", "req-lost", tokenOf("req-lost"), result(request, outcome, Channel.REST),
                List.of(), null, lostAnswer)).isTrue();

        Claim again = journal.claim("default", request, Channel.REST, true, STALE_AFTER);

        assertThat(again).isEqualTo(new Claim.Owned(tokenOf("req-lost"), lostAnswer));
    }

    @Test
    void anErrorFollowedBeforeTheLostAnswerColumnIsToldSoAfterTheUpgrade() throws Exception {
        migration(Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration")
                .cleanDisabled(false)).load().clean();
        migration(Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").target("6"))
                .load().migrate();
        CancelRequest request = request("req-before-v7");
        owned(journal.claim("default", request, Channel.REST, false, STALE_AFTER));
        CancelResult followed = result(request, Outcome.ERROR, Channel.REST).withSync(SyncState.FOLLOWING, null, null,
                0);
        try (Connection connection = dataSource().getConnection();
                PreparedStatement done = connection.prepareStatement("UPDATE cancel_request SET state = 'DONE', "
                        + "outcome = 'ERROR', sync_state = 'FOLLOWING', result_json = ?")) {
            done.setString(1, new ObjectMapper().writeValueAsString(followed));
            done.executeUpdate();
        }

        migration(Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration")).load().migrate();

        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER))
                .isEqualTo(new Claim.Owned(tokenOf("req-before-v7"), true));
    }

    @Test
    void aStaleClaimTakenOverMayFollowARunThatReachedTheProvider() {
        CancelRequest request = request("req-crashed");
        owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        clock.advance(STALE_AFTER.plusSeconds(1));

        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER))
                .isEqualTo(new Claim.Owned(tokenOf("req-crashed"), true));
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = { "ERROR", "AUTH_FAILED" })
    void aWaiterIsAnsweredAStoredErrorOrAuthFailure(Outcome outcome) {
        CancelRequest request = request("req-waiter");
        CancelResult stored = finish(request, outcome, Channel.REST);

        assertThat(journal.claim("default", request, Channel.REST, false, STALE_AFTER)).isEqualTo(new Claim.Finished(stored));
        assertThat(journal.find("default", "req-waiter").orElseThrow().inProgress()).isFalse();
    }

    @Test
    void aClaimInProgressIsBusyUntilItIsOlderThanStaleAfter() {
        CancelRequest request = request("req-busy");
        owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));

        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER)).isEqualTo(new Claim.Busy());
        assertThat(journal.claim("default", request, Channel.REST, false, STALE_AFTER)).isEqualTo(new Claim.Busy());
        clock.advance(STALE_AFTER);
        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER)).isEqualTo(new Claim.Busy());
    }

    @Test
    void aStaleClaimIsTakenOverAndItsFormerOwnerCannotComplete() {
        CancelRequest request = request("req-stale");
        String crashed = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        clock.advance(STALE_AFTER.plusSeconds(1));

        String newcomer = owned(journal.claim("default", request, Channel.FILE, false, STALE_AFTER));

        assertThat(newcomer).isNotEqualTo(crashed);
        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER)).isEqualTo(new Claim.Busy());
        assertThat(journal.complete("default", "req-stale", crashed, result(request, Outcome.ERROR, Channel.REST), List.of(), null, false))
                .isFalse();
        CancelResult cancelled = result(request, Outcome.CANCELLED, Channel.FILE);
        assertThat(journal.complete("default", "req-stale", newcomer, cancelled, List.of(), null, false)).isTrue();
        JournalEntry entry = journal.find("default", "req-stale").orElseThrow();
        assertThat(entry.result()).isEqualTo(cancelled);
        assertThat(entry.channel()).isEqualTo(Channel.FILE);
        assertThat(entry.receivedAt()).isEqualTo(START.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aRequestLongerThanItsColumnsIsStillJournaled() {
        // An INVALID request is journaled too, so nothing caps these values before the journal sees them.
        CancelRequest request = new CancelRequest("req-long", "p".repeat(40), "m".repeat(200), "r".repeat(600),
                null, null, null);
        String token = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        CancelResult invalid = CancelResult.withoutCall(request, Outcome.INVALID, "merchant_id is too long");

        assertThat(journal.complete("default", "req-long", token, invalid, List.of(), null, false)).isTrue();

        JournalEntry entry = journal.find("default", "req-long").orElseThrow();
        assertThat(entry.request()).isEqualTo(request);
        assertThat(entry.result()).isEqualTo(invalid);
        assertThat(journal.list(query(null, null, null, "INVALID", null, null, null)).items()).containsExactly(invalid);
    }

    // ---- races

    @Test
    void twentyThreadsClaimingOneRequestLeaveExactlyOneOwner() throws Exception {
        for (int round = 1; round <= 3; round++) {
            List<Claim> claims = claimAtOnce(List.of(journal), 20, request("req-race-" + round), true);

            assertThat(claims).filteredOn(Claim.Owned.class::isInstance).hasSize(1);
            assertThat(claims).filteredOn(Claim.Busy.class::isInstance).hasSize(19);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseLeaveExactlyOneOwner() throws Exception {
        CancelJournal other = new CancelJournal(dataSource(), clock);

        List<Claim> claims = claimAtOnce(List.of(journal, other), 10, request("req-instances"), true);

        assertThat(claims).filteredOn(Claim.Owned.class::isInstance).hasSize(1);
        assertThat(claims).filteredOn(Claim.Busy.class::isInstance).hasSize(19);
    }

    @Test
    void twoInstancesClaimingManyRequestsInOppositeOrdersEachLeaveOneOwnerAndNeverFail() throws Exception {
        // Each instance commits its claims in batches; two batches taking the same keys in opposite orders deadlock on
        // PostgreSQL, and losing that deadlock must not surface as a failure to the caller.
        List<CancelJournal> journals = List.of(journal, new CancelJournal(dataSource(), clock));
        List<CancelRequest> requests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            requests.add(request("req-crossed-" + i));
        }
        int threadsEach = 12;
        ExecutorService pool = Executors.newFixedThreadPool(journals.size() * threadsEach);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Claim>>> futures = new ArrayList<>();
            for (int j = 0; j < journals.size(); j++) {
                CancelJournal each = journals.get(j);
                boolean reversed = j == 1;
                for (int t = 0; t < threadsEach; t++) {
                    int offset = t * 2;
                    futures.add(pool.submit(() -> {
                        start.await();
                        List<Claim> claims = new ArrayList<>();
                        for (int i = 0; i < requests.size(); i++) {
                            int at = (offset + i) % requests.size();
                            claims.add(each.claim("default", requests.get(reversed ? requests.size() - 1 - at : at),
                                    Channel.REST, true, STALE_AFTER));
                        }
                        return claims;
                    }));
                }
            }
            start.countDown();
            List<Claim> claims = new ArrayList<>();
            for (Future<List<Claim>> future : futures) {
                claims.addAll(future.get(60, SECONDS));
            }

            assertThat(claims).hasSize(requests.size() * journals.size() * threadsEach);
            assertThat(claims).filteredOn(Claim.Owned.class::isInstance).hasSize(requests.size());
            for (CancelRequest request : requests) {
                assertThat(journal.find("default", request.requestId())).as(request.requestId()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentReattemptsOfAnErrorLeaveExactlyOneOwner() throws Exception {
        CancelRequest request = request("req-error-race");
        finish(request, Outcome.ERROR, Channel.REST);
        CancelJournal other = new CancelJournal(dataSource(), clock);

        List<Claim> claims = claimAtOnce(List.of(journal, other), 10, request, true);

        assertThat(claims).filteredOn(Claim.Owned.class::isInstance).hasSize(1);
        assertThat(claims).filteredOn(Claim.Busy.class::isInstance).hasSize(19);
    }

    @Test
    void concurrentTakeoversOfAStaleClaimLeaveExactlyOneOwner() throws Exception {
        CancelRequest request = request("req-stale-race");
        String crashed = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        clock.advance(STALE_AFTER.multipliedBy(2));
        CancelJournal other = new CancelJournal(dataSource(), clock);

        List<Claim> claims = claimAtOnce(List.of(journal, other), 10, request, false);

        assertThat(claims).filteredOn(Claim.Owned.class::isInstance).hasSize(1);
        assertThat(claims).filteredOn(Claim.Busy.class::isInstance).hasSize(19);
        assertThat(journal.complete("default", "req-stale-race", crashed, result(request, Outcome.ERROR, Channel.REST), List.of(), null, false))
                .isFalse();
    }

    // ---- clients

    @Test
    void twoClientsUseTheSameRequestIdWithoutSeeingOrReplayingEachOther() {
        CancelRequest forA = new CancelRequest("req-shared", "hyperswitch", "m-a", "pay_a", null, null, null);
        CancelRequest forB = new CancelRequest("req-shared", "kwikpaisa", "m-b", "kp_b", null, null, null);

        String tokenA = owned(journal.claim("erp-a", forA, Channel.REST, true, STALE_AFTER));
        String tokenB = owned(journal.claim("erp-b", forB, Channel.JMS, true, STALE_AFTER));
        CancelResult resultA = result(forA, Outcome.CANCELLED, Channel.REST);
        CancelResult resultB = result(forB, Outcome.REJECTED, Channel.JMS);
        assertThat(journal.complete("erp-a", "req-shared", tokenA, resultA, List.of(attempt(1)), null, false)).isTrue();
        assertThat(journal.complete("erp-b", "req-shared", tokenB, resultB, List.of(attempt(1), attempt(2)), null, false))
                .isTrue();

        assertThat(journal.find("erp-a", "req-shared").orElseThrow().result()).isEqualTo(resultA);
        assertThat(journal.find("erp-b", "req-shared").orElseThrow().result()).isEqualTo(resultB);
        assertThat(journal.find("erp-b", "req-shared").orElseThrow().requestId()).isEqualTo("req-shared");
        assertThat(journal.find("default", "req-shared")).isEmpty();
        assertThat(journal.attempts("erp-a", "req-shared")).hasSize(1);
        assertThat(journal.attempts("erp-b", "req-shared")).hasSize(2);
        assertThat(journal.list(new JournalQuery("erp-a", null, null, null, null, null, null, null, null, 10, null))
                .items()).containsExactly(resultA);
        assertThat(journal.list(all(10)).items()).isEmpty();
        assertThat(journal.claim("erp-a", forA, Channel.REST, true, STALE_AFTER))
                .isEqualTo(new Claim.Finished(resultA));
        assertThat(journal.claim("erp-a", forB, Channel.REST, true, STALE_AFTER)).isInstanceOf(Claim.Reused.class);
    }

    @Test
    void aFollowedResultIsLeasedOnlyByItsOwnClientsId() {
        CancelRequest request = new CancelRequest("req-followed-a", "hyperswitch", "m-a", "pay_f", null, null, null);
        String token = owned(journal.claim("erp-a", request, Channel.REST, true, STALE_AFTER));
        journal.complete("erp-a", "req-followed-a", token, result(request, Outcome.PENDING, Channel.REST)
                .withSync(SyncState.FOLLOWING, START.plusSeconds(30).toString(), null, 0), List.of(),
                new FollowUp(START.plusSeconds(3600), null), false);

        assertThat(journal.leaseNow("erp-b", "req-followed-a", LEASE)).isEmpty();
        assertThat(journal.leaseNow("erp-a", "req-followed-a", LEASE)).hasValueSatisfying(check -> {
            assertThat(check.client()).isEqualTo("erp-a");
            assertThat(check.requestId()).isEqualTo("req-followed-a");
        });
    }

    // ---- status sync

    static final Duration FIRST_CHECK = Duration.ofSeconds(30);
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Places for every provider, as many as asked for. */
    static final CheckPlaces ANY_PROVIDER = new CheckPlaces() {
        @Override
        public List<String> leaseOrder() {
            return List.of("hyperswitch", "kwikpaisa");
        }

        @Override
        public boolean full(String provider) {
            return false;
        }

        @Override
        public void taken(String provider) {
        }
    };

    /** Places for {@code places} checks at Hyperswitch, any number at KwikPaisa; what was taken, in order. */
    static final class HyperswitchPlaces implements CheckPlaces {
        final List<String> taken = new ArrayList<>();
        private final int places;

        HyperswitchPlaces(int places) {
            this.places = places;
        }

        @Override
        public List<String> leaseOrder() {
            return List.of("hyperswitch", "kwikpaisa");
        }

        @Override
        public boolean full(String provider) {
            return "hyperswitch".equals(provider) && taken.stream().filter(provider::equals).count() >= places;
        }

        @Override
        public void taken(String provider) {
            taken.add(provider);
        }
    }

    @Test
    void aProviderWithoutAPlaceLeavesItsDueResultsForLaterAndTheOthersAreLeased() {
        // Hyperswitch has more results due than a poll asks for.
        for (int i = 0; i < 20; i++) {
            follow(request("req-stalled-" + i), Outcome.PENDING, Channel.REST, null);
        }
        follow(new CancelRequest("req-other-provider", "kwikpaisa", "m-1", "ord-1", null, null, null), Outcome.PENDING,
                Channel.REST, null);
        clock.advance(FIRST_CHECK);

        HyperswitchPlaces none = new HyperswitchPlaces(0);
        assertThat(journal.leaseDue(8, LEASE, none)).extracting(DueCheck::requestId)
                .containsExactly("req-other-provider");
        assertThat(none.taken).containsExactly("kwikpaisa");

        // A provider whose places run out partway: the rest of its results wait, the next provider's are leased.
        clock.advance(LEASE.plusSeconds(1));
        HyperswitchPlaces two = new HyperswitchPlaces(2);
        assertThat(journal.leaseDue(8, LEASE, two)).extracting(DueCheck::provider)
                .containsExactly("hyperswitch", "hyperswitch", "kwikpaisa");
        assertThat(two.taken).containsExactly("hyperswitch", "hyperswitch", "kwikpaisa");
        assertThat(journal.leaseDue(30, LEASE, ANY_PROVIDER)).hasSize(18)
                .allSatisfy(check -> assertThat(check.provider()).isEqualTo("hyperswitch"));
    }

    @Test
    void aJournalFailurePartwayThroughAPollsLeasesGivesWhatWasLeased() {
        for (int i = 0; i < 3; i++) {
            follow(request("req-lease-" + i), Outcome.PENDING, Channel.REST, null);
        }
        clock.advance(FIRST_CHECK);
        CheckPlaces failingAfterTheFirst = new CheckPlaces() {
            @Override
            public List<String> leaseOrder() {
                return List.of("hyperswitch");
            }

            @Override
            public boolean full(String provider) {
                return false;
            }

            @Override
            public void taken(String provider) {
                renameRequests("cancel_request", "cancel_request_away");
            }
        };

        List<DueCheck> leased;
        try {
            leased = journal.leaseDue(8, LEASE, failingAfterTheFirst);
        } finally {
            renameRequests("cancel_request_away", "cancel_request");
        }

        assertThat(leased).hasSize(1);
        assertThat(journal.leaseDue(8, LEASE, ANY_PROVIDER)).extracting(DueCheck::requestId).hasSize(2)
                .doesNotContain(leased.get(0).requestId());
    }

    private void renameRequests(String from, String to) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Test
    void aFollowedResultIsDueAtItsFirstCheckWithWhereItsAnswerWent() {
        ReplyAddress replyTo = new ReplyAddress("erp.replies", "corr-1");
        CancelResult followed = follow(request("req-due"), Outcome.PENDING, Channel.JMS, replyTo);

        assertThat(journal.leaseDue(8, LEASE, ANY_PROVIDER)).isEmpty();
        clock.advance(FIRST_CHECK);
        List<DueCheck> due = journal.leaseDue(8, LEASE, ANY_PROVIDER);

        assertThat(due).singleElement().satisfies(check -> {
            assertThat(check.requestId()).isEqualTo("req-due");
            assertThat(check.channel()).isEqualTo(Channel.JMS);
            assertThat(check.request()).isEqualTo(request("req-due"));
            assertThat(check.result()).isEqualTo(followed);
            assertThat(check.replyTo()).isEqualTo(replyTo);
            assertThat(check.followUntil()).isEqualTo(START.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS));
            assertThat(check.announceOnly()).isFalse();
        });
    }

    @Test
    void aRunWithoutAReplyAddressKeepsWhereTheFirstAnswerWent() {
        CancelRequest request = request("req-retried-jms");
        ReplyAddress replyTo = new ReplyAddress("erp.replies", "corr-first");
        follow(request, Outcome.ERROR, Channel.JMS, replyTo);

        // Attempted again over REST's retry: no reply address of its own.
        String token = owned(journal.claim("default", request, Channel.JMS, true, STALE_AFTER));
        assertThat(journal.complete("default", "req-retried-jms", token, result(request, Outcome.PENDING, Channel.JMS)
                .withSync(SyncState.FOLLOWING, START.plus(FIRST_CHECK).toString(), null, 0), List.of(),
                new FollowUp(START.plus(Duration.ofHours(1)), null), false)).isTrue();

        assertThat(journal.leaseNow("default", "req-retried-jms", LEASE).orElseThrow().replyTo()).isEqualTo(replyTo);
    }

    @Test
    void aLeasedResultIsNotDueElsewhereUntilItsLeaseRunsOut() {
        follow(request("req-leased"), Outcome.PENDING, Channel.REST, null);
        clock.advance(FIRST_CHECK);
        CancelJournal other = new CancelJournal(dataSource(), clock);

        assertThat(journal.leaseDue(8, LEASE, ANY_PROVIDER)).hasSize(1);
        assertThat(other.leaseDue(8, LEASE, ANY_PROVIDER)).isEmpty();
        assertThat(other.leaseNow("default", "req-leased", LEASE)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(other.leaseDue(8, LEASE, ANY_PROVIDER)).hasSize(1);
    }

    @Test
    void aLeaseGivenBackWithoutACheckLeavesTheResultAsItWasAndOnlyItsHolderGivesItBack() {
        CancelResult followed = follow(request("req-released"), Outcome.PENDING, Channel.REST, null);
        CancelJournal other = new CancelJournal(dataSource(), clock);
        DueCheck first = journal.leaseNow("default", "req-released", LEASE).orElseThrow();
        assertThat(other.leaseNow("default", "req-released", LEASE)).isEmpty();

        journal.release(first);

        DueCheck second = other.leaseNow("default", "req-released", LEASE).orElseThrow();
        journal.release(first); // no longer its lease: the other instance's stands
        assertThat(journal.leaseNow("default", "req-released", LEASE)).isEmpty();
        other.release(second);
        assertThat(journal.find("default", "req-released").orElseThrow().result()).isEqualTo(followed);
        clock.advance(FIRST_CHECK);
        assertThat(journal.leaseDue(8, LEASE, ANY_PROVIDER)).extracting(DueCheck::requestId)
                .containsExactly("req-released");
    }

    @Test
    void aCheckStoresTheResultAndItsStatusCallsAndGivesTheLeaseBack() {
        CancelRequest request = request("req-checked");
        follow(request, Outcome.PENDING, Channel.REST, null);
        clock.advance(FIRST_CHECK);
        DueCheck check = journal.leaseDue(8, LEASE, ANY_PROVIDER).get(0);
        Instant next = clock.instant().plus(FIRST_CHECK.multipliedBy(2)).truncatedTo(ChronoUnit.MILLIS);
        CancelResult stillOpen = check.result().withSync(SyncState.FOLLOWING, next.toString(),
                clock.instant().toString(), 1);
        AttemptRecord statusCall = new AttemptRecord(1, clock.instant(), 200, 12, null, "{\"status\":\"processing\"}",
                CallKind.STATUS);

        assertThat(journal.lastStatusCheckEnd("default", "req-checked")).isEmpty();
        assertThat(journal.recordStatusCheck(check, stillOpen, List.of(statusCall), false)).isTrue();

        assertThat(journal.find("default", "req-checked").orElseThrow().result()).isEqualTo(stillOpen);
        assertThat(journal.attempts("default", "req-checked")).extracting(StoredAttempt::kind).containsExactly("cancel", "status");
        // Its stored start (the database keeps microseconds) plus its 12 ms.
        assertThat(journal.lastStatusCheckEnd("default", "req-checked"))
                .contains(storedStart("req-checked", 1).plusMillis(12));
        assertThat(journal.lastStatusCheckEnd("another-client", "req-checked")).isEmpty();
        assertThat(journal.leaseDue(8, LEASE, ANY_PROVIDER)).isEmpty();
        clock.advance(FIRST_CHECK.multipliedBy(2));
        List<DueCheck> due = journal.leaseDue(8, LEASE, ANY_PROVIDER);
        assertThat(due).singleElement().satisfies(again -> assertThat(again.result().statusChecks()).isEqualTo(1));

        // The latest check is the last one, whatever its duration against the earlier one's.
        AttemptRecord secondCall = new AttemptRecord(1, clock.instant(), 200, 3, null, "{}", CallKind.STATUS);
        assertThat(journal.recordStatusCheck(due.get(0), stillOpen.withSync(SyncState.FOLLOWING,
                next.plus(FIRST_CHECK.multipliedBy(4)).toString(), clock.instant().toString(), 2), List.of(secondCall), false)).isTrue();
        assertThat(journal.lastStatusCheckEnd("default", "req-checked"))
                .contains(storedStart("req-checked", 2).plusMillis(3));
    }

    private Instant storedStart(String requestId, int index) {
        return Instant.parse(journal.attempts("default", requestId).get(index).startedAt());
    }

    @Test
    void aChangeStaysLeasedUntilItsCallerIsToldAndIsToldAgainAfterACrash() {
        follow(request("req-told"), Outcome.PENDING, Channel.JMS, new ReplyAddress(null, "corr-told"));
        follow(request("req-crashed"), Outcome.PENDING, Channel.FILE, null);
        clock.advance(FIRST_CHECK);
        CancelJournal other = new CancelJournal(dataSource(), clock);
        for (DueCheck check : journal.leaseDue(8, LEASE, ANY_PROVIDER)) {
            CancelResult cancelled = check.result().withStatus(Outcome.CANCELLED, "cancelled", null, null, 200, null)
                    .withSync(SyncState.FINAL, null, clock.instant().toString(), 1);
            assertThat(journal.recordStatusCheck(check, cancelled, List.of(), true)).isTrue();
            if (check.requestId().equals("req-told")) {
                journal.announced(check);
            }
        }

        assertThat(other.leaseDue(8, LEASE, ANY_PROVIDER)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        List<DueCheck> toTellAgain = other.leaseDue(8, LEASE, ANY_PROVIDER);

        assertThat(toTellAgain).singleElement().satisfies(check -> {
            assertThat(check.requestId()).isEqualTo("req-crashed");
            assertThat(check.announceOnly()).isTrue();
            assertThat(check.result().outcome()).isEqualTo(Outcome.CANCELLED);
        });
        other.announced(toTellAgain.get(0));
        clock.advance(LEASE.plusSeconds(1));
        assertThat(other.leaseDue(8, LEASE, ANY_PROVIDER)).isEmpty();
        assertThat(journal.list(all(10)).items()).extracting(CancelResult::syncState)
                .containsOnly(SyncState.FINAL);
    }

    @Test
    void aRepeatDoesNotTakeOverAnErrorThatAStatusCheckMadeFinalWhileItLooked() {
        CancelRequest request = request("req-found-cancelled");
        follow(request, Outcome.ERROR, Channel.REST, null);
        clock.advance(FIRST_CHECK);
        CancelJournal poller = new CancelJournal(dataSource(), clock);
        DueCheck check = poller.leaseDue(8, LEASE, ANY_PROVIDER).get(0);
        CancelResult cancelled = check.result().withStatus(Outcome.CANCELLED, "cancelled", null, null, 200, null)
                .withSync(SyncState.FINAL, null, clock.instant().toString(), 1);
        // The check's result is stored after the repeat has read the stored ERROR and before it takes it over.
        AtomicBoolean checked = new AtomicBoolean();
        CancelJournal repeat = new CancelJournal(afterReading("SELECT state, owner", () -> {
            if (checked.compareAndSet(false, true)) {
                assertThat(poller.recordStatusCheck(check, cancelled, List.of(), false)).isTrue();
            }
        }), clock);

        assertThat(repeat.claim("default", request, Channel.REST, true, STALE_AFTER))
                .isEqualTo(new Claim.Finished(cancelled));
        assertThat(checked).isTrue();
        assertThat(journal.find("default", "req-found-cancelled").orElseThrow().result()).isEqualTo(cancelled);
    }

    /** The test's database, running {@code then} once a connection that ran a statement starting so is closed. */
    private DataSource afterReading(String statementStart, Runnable then) {
        DataSource real = dataSource();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    AtomicBoolean ranIt = new AtomicBoolean();
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] { Connection.class },
                            (connectionProxy, call, callArgs) -> {
                                if (call.getName().equals("prepareStatement")
                                        && ((String) callArgs[0]).startsWith(statementStart)) {
                                    ranIt.set(true);
                                }
                                Object answer = invoke(call, connection, callArgs);
                                if (call.getName().equals("close") && ranIt.get()) {
                                    then.run();
                                }
                                return answer;
                            });
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }

    @Test
    void aReattemptEndsTheFollowingOfTheEarlierResult() {
        CancelRequest request = request("req-reattempted");
        follow(request, Outcome.ERROR, Channel.REST, null);
        clock.advance(FIRST_CHECK);
        DueCheck check = journal.leaseNow("default", "req-reattempted", LEASE).orElseThrow();

        String token = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));

        assertThat(journal.recordStatusCheck(check, check.result().withSync(SyncState.EXPIRED, null, null, 1),
                List.of(), false)).isFalse();
        assertThat(journal.complete("default", "req-reattempted", token, result(request, Outcome.CANCELLED, Channel.REST),
                List.of(), null, false)).isTrue();
        clock.advance(LEASE.multipliedBy(2));
        assertThat(journal.leaseDue(8, LEASE, ANY_PROVIDER)).isEmpty();
    }

    @Test
    void onlyAFollowedResultCanBeLeasedNow() {
        follow(request("req-followed"), Outcome.PENDING, Channel.REST, null);
        finish(request("req-final"), Outcome.CANCELLED, Channel.REST);

        assertThat(journal.leaseNow("default", "req-followed", LEASE)).isPresent();
        assertThat(journal.leaseNow("default", "req-final", LEASE)).isEmpty();
        assertThat(journal.leaseNow("default", "req-unknown", LEASE)).isEmpty();
    }

    @Test
    void theListIsFilteredBySyncState() {
        CancelResult followed = follow(request("req-f"), Outcome.PENDING, Channel.REST, null);
        finish(request("req-x"), Outcome.CANCELLED, Channel.REST);

        assertThat(journal.list(new JournalQuery("default", null, null, null, null, null, "FOLLOWING", null, null, 10, null))
                .items()).containsExactly(followed);
    }

    @Test
    void twoInstancesLeasingManyDueResultsAtOnceCheckEachExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add("req-many-" + i);
            follow(request("req-many-" + i), Outcome.PENDING, Channel.REST, null);
        }
        clock.advance(FIRST_CHECK);
        List<CancelJournal> journals = List.of(journal, new CancelJournal(dataSource(), clock));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                CancelJournal each = journals.get(t % 2);
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> leased = new ArrayList<>();
                    List<DueCheck> batch;
                    while (!(batch = each.leaseDue(3, LEASE, ANY_PROVIDER)).isEmpty()) {
                        batch.forEach(check -> leased.add(check.requestId()));
                    }
                    return leased;
                }));
            }
            start.countDown();
            List<String> leased = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                leased.addAll(future.get(60, SECONDS));
            }

            assertThat(leased).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stores a result followed from START: first check FIRST_CHECK later, for one hour. */
    CancelResult follow(CancelRequest request, Outcome outcome, Channel channel, ReplyAddress replyTo) {
        String token = owned(journal.claim("default", request, channel, true, STALE_AFTER));
        CancelResult result = result(request, outcome, channel).withSync(SyncState.FOLLOWING,
                START.plus(FIRST_CHECK).truncatedTo(ChronoUnit.MILLIS).toString(), null, 0);
        assertThat(journal.complete("default", request.requestId(), token, result, List.of(attempt(1)),
                new FollowUp(START.plus(Duration.ofHours(1)), replyTo), false)).isTrue();
        return result;
    }

    // ---- attempts

    @Test
    void attemptsAreKeptInTheOrderTheyWereMade() {
        CancelRequest request = request("req-attempts");
        String token = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        String other = owned(journal.claim("default", request("req-other"), Channel.REST, true, STALE_AFTER));

        assertThat(journal.complete("default", "req-other", other, result(request("req-other"), Outcome.CANCELLED, Channel.REST),
                List.of(new AttemptRecord(1, Instant.parse("2026-05-13T09:00:00.300Z"), 200, 5, null, "{}", CallKind.CANCEL)), null, false))
                .isTrue();
        assertThat(journal.complete("default", "req-attempts", token, result(request, Outcome.CANCELLED, Channel.REST), List.of(
                new AttemptRecord(1, Instant.parse("2026-05-13T09:00:00.200Z"), null, 1000,
                        "could not reach hyperswitch: connect timed out", null, CallKind.CANCEL),
                new AttemptRecord(2, Instant.parse("2026-05-13T09:00:01.450Z"), 503, 42, null,
                        "{\"error\":{\"type\":\"api\",\"message\":\"Something went wrong\",\"code\":\"HE_00\"}}", CallKind.CANCEL),
                new AttemptRecord(3, Instant.parse("2026-05-13T09:00:02.900Z"), 200, 77, null,
                        "{\"payment_id\":\"pay_req-attempts\",\"status\":\"cancelled\",\"note\":\"ünïcødé ✓\"}", CallKind.CANCEL)), null, false))
                .isTrue();

        assertThat(journal.attempts("default", "req-attempts")).containsExactly(
                new StoredAttempt("cancel", 1, "2026-05-13T09:00:00.200Z", null, 1000,
                        "could not reach hyperswitch: connect timed out", null),
                new StoredAttempt("cancel", 2, "2026-05-13T09:00:01.450Z", 503, 42, null,
                        "{\"error\":{\"type\":\"api\",\"message\":\"Something went wrong\",\"code\":\"HE_00\"}}"),
                new StoredAttempt("cancel", 3, "2026-05-13T09:00:02.900Z", 200, 77, null,
                        "{\"payment_id\":\"pay_req-attempts\",\"status\":\"cancelled\",\"note\":\"ünïcødé ✓\"}"));
        assertThat(journal.attempts("default", "req-other")).hasSize(1);
    }

    @Test
    void nulCharactersFromACallerOrAProviderFailNoWrite() {
        // PostgreSQL keeps no NUL in text; an invalid request is journaled with whatever it holds.
        CancelRequest request = new CancelRequest("req-nul", "\u0000", "m\u0000", "a\u0000b", null, null, null);
        String token = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        CancelResult result = result(request, Outcome.ERROR, Channel.REST);

        assertThat(journal.complete("default", "req-nul", token, result, List.of(new AttemptRecord(1, START, 502, 10,
                "could not reach x: \u0000", "{\"message\":\"a\u0000b\"}\u0000", CallKind.CANCEL)), null, false)).isTrue();

        assertThat(journal.find("default", "req-nul").orElseThrow().result()).as("the JSON keeps it, escaped")
                .isEqualTo(result);
        assertThat(journal.attempts("default", "req-nul")).singleElement().satisfies(stored -> {
            assertThat(stored.responseBody()).isEqualTo("{\"message\":\"a\uFFFDb\"}\uFFFD");
            assertThat(stored.failure()).isEqualTo("could not reach x: \uFFFD");
        });
        assertThat(journal.list(query(null, null, "a\u0000b", null, null, null, null)).items()).containsExactly(result);
    }

    @Test
    void halfOfACharacterIsKeptSoThatTheRequestsRepeatStillMatchesIt() {
        // A lone UTF-16 surrogate (text cut in UTF-16 units): PostgreSQL's driver would store '?' for it, and the
        // repeat would be refused as another request under the same id. An invalid request is journaled as it came.
        CancelRequest request = new CancelRequest("req-half", "hyper\uD83D", null, "ref-\uDE00", "cut \uD83D", null,
                null);
        String token = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        CancelResult result = result(request, Outcome.INVALID, Channel.REST);
        assertThat(journal.complete("default", "req-half", token, result, List.of(), null, false)).isTrue();

        assertThat(journal.claim("default", request, Channel.REST, true, STALE_AFTER))
                .isEqualTo(new Claim.Finished(result));
        assertThat(journal.find("default", "req-half").orElseThrow().request()).isEqualTo(request);
    }

    @Test
    void aRunTakenOverMeanwhileStoresNeitherItsResultNorItsAttempts() {
        CancelRequest request = request("req-taken");
        String crashed = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        clock.advance(STALE_AFTER.multipliedBy(2));
        owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));

        assertThat(journal.complete("default", "req-taken", crashed, result(request, Outcome.CANCELLED, Channel.REST),
                List.of(attempt(1)), null, false)).isFalse();

        assertThat(journal.attempts("default", "req-taken")).isEmpty();
        assertThat(journal.find("default", "req-taken").orElseThrow().inProgress()).isTrue();
    }

    // ---- list

    @Test
    void theListHoldsFinishedResultsNewestFirst() {
        CancelResult first = finish(request("req-1"), Outcome.CANCELLED, Channel.REST);
        clock.advance(Duration.ofSeconds(1));
        CancelResult second = finish(request("req-2"), Outcome.REJECTED, Channel.FILE);
        clock.advance(Duration.ofSeconds(1));
        CancelResult third = finish(request("req-3"), Outcome.AUTH_FAILED, Channel.JMS);
        clock.advance(Duration.ofSeconds(1));
        owned(journal.claim("default", request("req-in-progress"), Channel.REST, true, STALE_AFTER));
        finish(request("req-retried"), Outcome.ERROR, Channel.REST);
        owned(journal.claim("default", request("req-retried"), Channel.REST, true, STALE_AFTER));

        JournalPage page = journal.list(all(50));

        assertThat(page.items()).containsExactly(third, second, first);
        assertThat(page.next()).isNull();
    }

    @Test
    void theListIsFilteredByEveryField() {
        CancelResult a = finish(new CancelRequest("req-a", "hyperswitch", "m-1", "pay_a", null, null, null),
                Outcome.CANCELLED, Channel.REST);
        clock.advance(Duration.ofHours(1));
        CancelResult b = finish(new CancelRequest("req-b", "kwikpaisa", "m-2", "ord_b", null, null, null),
                Outcome.REJECTED, Channel.FILE);
        clock.advance(Duration.ofHours(1));
        CancelResult c = finish(new CancelRequest("req-c", "hyperswitch", "m-2", "pay_c", null, null, null),
                Outcome.ERROR, Channel.JMS);
        clock.advance(Duration.ofHours(1));
        CancelResult d = finish(new CancelRequest("req-d", "juspay-order", "m-1", "pay_a", null, null, null),
                Outcome.NOT_FOUND, Channel.REST);
        Instant oneHourIn = START.plus(Duration.ofHours(1));
        Instant twoHoursIn = START.plus(Duration.ofHours(2));

        assertThat(items(query("hyperswitch", null, null, null, null, null, null))).containsExactly(c, a);
        assertThat(items(query(null, "m-1", null, null, null, null, null))).containsExactly(d, a);
        assertThat(items(query(null, null, "pay_a", null, null, null, null))).containsExactly(d, a);
        assertThat(items(query(null, null, null, "REJECTED", null, null, null))).containsExactly(b);
        assertThat(items(query(null, null, null, null, "jms", null, null))).containsExactly(c);
        assertThat(items(query(null, null, null, null, null, oneHourIn, null))).containsExactly(d, c, b);
        assertThat(items(query(null, null, null, null, null, null, twoHoursIn))).containsExactly(b, a);
        assertThat(items(query(null, null, null, null, null, oneHourIn, START.plus(Duration.ofHours(3)))))
                .containsExactly(c, b);
        assertThat(items(query("hyperswitch", "m-2", null, null, null, null, null))).containsExactly(c);
        assertThat(items(query("kwikpaisa", "m-1", null, null, null, null, null))).isEmpty();
    }

    @Test
    void theProviderAndMerchantFiltersFollowTheResultWhenTheRequestNamedNeither() {
        CancelRequest routed = new CancelRequest("req-routed", null, null, "ord_routed", null, null, null);
        String token = owned(journal.claim("default", routed, Channel.REST, true, STALE_AFTER));
        CancelResult result = result(routed.withProvider("kwikpaisa").withMerchantId("m-default"), Outcome.CANCELLED,
                Channel.REST);
        assertThat(journal.complete("default", "req-routed", token, result, List.of(), null, false)).isTrue();

        assertThat(items(query("kwikpaisa", "m-default", null, null, null, null, null))).containsExactly(result);
    }

    @Test
    void pagesWalkEveryItemOnceIncludingItemsReceivedAtTheSameTime() {
        // received at t0, t0, t0, t1, t1, t2, t3: ties fall across both page boundaries
        int[] secondsIn = { 0, 0, 0, 1, 1, 2, 3 };
        for (int i = 0; i < secondsIn.length; i++) {
            clock = new AdjustableClock(START.plusSeconds(secondsIn[i]));
            journal = new CancelJournal(dataSource(), clock);
            finish(request("page-" + (i + 1)), Outcome.CANCELLED, Channel.REST);
        }

        List<List<String>> pages = walk(all(3));

        assertThat(pages).containsExactly(
                List.of("page-7", "page-6", "page-5"),
                List.of("page-4", "page-3", "page-2"),
                List.of("page-1"));
    }

    @Test
    void theLastPageHasNoNextCursorEvenWhenFull() {
        for (int i = 1; i <= 6; i++) {
            finish(request("full-" + i), Outcome.CANCELLED, Channel.REST);
        }

        assertThat(walk(all(3))).containsExactly(
                List.of("full-6", "full-5", "full-4"),
                List.of("full-3", "full-2", "full-1"));
        assertThat(walk(all(6))).containsExactly(List.of("full-6", "full-5", "full-4", "full-3", "full-2", "full-1"));
        assertThat(walk(all(50))).hasSize(1);
    }

    @Test
    void pagesOfAFilteredListWalkOnlyTheMatchingItems() {
        for (int i = 1; i <= 10; i++) {
            String provider = i % 3 == 0 ? "kwikpaisa" : "hyperswitch";
            finish(new CancelRequest("mixed-" + (char) ('a' + i - 1), provider, "m-1", "ref-" + i, null, null, null),
                    Outcome.CANCELLED, Channel.REST);
            if (i % 2 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }

        List<List<String>> hyperswitch = walk(new JournalQuery("default", "hyperswitch", null, null, null, null, null, null, null, 3,
                null));
        List<List<String>> everything = walk(all(3));

        assertThat(hyperswitch).containsExactly(
                List.of("mixed-j", "mixed-h", "mixed-g"),
                List.of("mixed-e", "mixed-d", "mixed-b"),
                List.of("mixed-a"));
        assertThat(everything).extracting(List::size).containsExactly(3, 3, 3, 1);
        assertThat(everything.stream().flatMap(List::stream)).doesNotHaveDuplicates().hasSize(10);
    }

    @Test
    void aCursorTheJournalDidNotIssueIsRefused() {
        assertThatThrownBy(() -> journal.list(new JournalQuery("default", null, null, null, null, null, null, null, null, 3, "%%%")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.list(new JournalQuery("default", null, null, null, null, null, null, null, null, 3,
                "bm8tY29sb24"))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- retention

    @Test
    void purgeDeletesRequestsReceivedBeforeTheCutoffWithTheirAttempts() throws SQLException {
        CancelRequest old = request("req-old");
        finish(old, Outcome.CANCELLED, Channel.REST, attempt(1), attempt(2));
        clock.advance(Duration.ofHours(1));
        owned(journal.claim("default", request("req-old-in-progress"), Channel.REST, true, STALE_AFTER));
        clock.advance(Duration.ofDays(2));
        finish(request("req-new"), Outcome.CANCELLED, Channel.REST, attempt(1));
        Instant newReceivedAt = journal.find("default", "req-new").orElseThrow().receivedAt();

        assertThat(journal.purgeReceivedBefore(START.plus(Duration.ofDays(1)))).isEqualTo(2);

        assertThat(journal.find("default", "req-old")).isEmpty();
        assertThat(journal.find("default", "req-old-in-progress")).isEmpty();
        assertThat(journal.find("default", "req-new")).isPresent();
        assertThat(journal.attempts("default", "req-new")).hasSize(1);
        assertThat(rowCount("cancel_attempt")).isEqualTo(1);
        assertThat(journal.purgeReceivedBefore(newReceivedAt)).isZero();
        assertThat(journal.find("default", "req-new")).isPresent();

        owned(journal.claim("default", old, Channel.REST, true, STALE_AFTER));
        assertThat(journal.attempts("default", "req-old")).isEmpty();
    }

    @Test
    void purgeKeepsARequestAttemptedAgainSinceTheCutoffWhileItRunsAndAfter() {
        CancelRequest request = request("req-retried-late");
        finish(request, Outcome.ERROR, Channel.REST, attempt(1));
        clock.advance(Duration.ofDays(2));
        String token = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));

        assertThat(journal.purgeReceivedBefore(START.plus(Duration.ofDays(1)))).isZero();
        CancelResult cancelled = result(request, Outcome.CANCELLED, Channel.REST);
        assertThat(journal.complete("default", "req-retried-late", token, cancelled, List.of(attempt(2)), null, false))
                .isTrue();
        assertThat(journal.purgeReceivedBefore(START.plus(Duration.ofDays(1)))).isZero();

        assertThat(journal.find("default", "req-retried-late").orElseThrow().result()).isEqualTo(cancelled);
        assertThat(journal.attempts("default", "req-retried-late")).hasSize(2);
        assertThat(journal.purgeReceivedBefore(clock.instant().plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void purgeDeletesInWritesOfABoundedNumberOfRequests() throws SQLException {
        for (int i = 0; i < 5; i++) {
            finish(request("req-old-" + i), Outcome.CANCELLED, Channel.REST, attempt(1));
        }
        clock.advance(Duration.ofDays(2));
        finish(request("req-new"), Outcome.CANCELLED, Channel.REST, attempt(1));
        List<Integer> deletes = new CopyOnWriteArrayList<>();
        DataSource real = dataSource();
        // Every DELETE the journal runs, with how many requests it deleted.
        DataSource counted = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object made = invoke(method, real, args);
                    if (!(made instanceof Connection connection)) {
                        return made;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                            (connectionProxy, call, callArgs) -> {
                                Object statement = invoke(call, connection, callArgs);
                                if (!call.getName().equals("prepareStatement")
                                        || !((String) callArgs[0]).startsWith("DELETE")) {
                                    return statement;
                                }
                                return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                        new Class<?>[] { PreparedStatement.class }, (statementProxy, use, useArgs) -> {
                                            Object done = invoke(use, statement, useArgs);
                                            if (use.getName().equals("executeUpdate")) {
                                                deletes.add((Integer) done);
                                            }
                                            return done;
                                        });
                            });
                });

        assertThat(new CancelJournal(counted, clock).purgeReceivedBefore(START.plus(Duration.ofDays(1)), 2))
                .isEqualTo(5);

        assertThat(deletes).containsExactly(2, 2, 1, 0);
        assertThat(rowCount("cancel_request")).isEqualTo(1);
        assertThat(rowCount("cancel_attempt")).isEqualTo(1);
        assertThat(journal.find("default", "req-new")).isPresent();
    }

    // ---- secrets

    @Test
    void storedAttemptsNeverHoldTheCredentials() throws SQLException {
        String apiKey = "snd_c0ffee0123456789abcdef";
        String secretKey = "sk_live_9f8e7d6c5b4a39281706";
        CancelRequest request = request("req-secrets");
        String token = owned(journal.claim("default", request, Channel.REST, true, STALE_AFTER));
        String body = "{\"payment_id\":\"pay_req-secrets\",\"client_secret\":\"pay_req-secrets_secret_Zx81\","
                + "\"api_key\":\"" + apiKey + "\",\"echo\":{\"Authorization\":\"Bearer " + apiKey + "\"},"
                + "\"message\":\"signed with " + secretKey + "\"}";

        journal.complete("default", "req-secrets", token, result(request, Outcome.AUTH_FAILED, Channel.REST), List.of(
                new AttemptRecord(1, START, 401, 12, null,
                        ResponseBodyMask.mask(body, Arrays.asList(apiKey, secretKey)), CallKind.CANCEL)), null, false);

        String stored = journal.attempts("default", "req-secrets").get(0).responseBody();
        assertThat(stored).contains("\"payment_id\":\"pay_req-secrets\"", "****")
                .doesNotContain(apiKey, secretKey, "pay_req-secrets_secret_Zx81");
        assertThat(allText("cancel_request") + allText("cancel_attempt"))
                .doesNotContain(apiKey, secretKey, "pay_req-secrets_secret_Zx81");
    }

    // ---- readiness

    @Test
    void theProbeFailsWhileTheJournalsWriterIsStuckAndPassesOnceItsWritesAreCommittedAgain() throws Exception {
        CancelRequest request = request("req-stuck");
        String token = owned(journal.claim("default", request, Channel.REST, false, STALE_AFTER));
        journal.probe(Duration.ofMillis(300), Duration.ZERO);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection elsewhere = dataSource().getConnection()) {
            elsewhere.setAutoCommit(false);
            try (Statement statement = elsewhere.createStatement()) {
                // Another client's lock on the row the result goes to: the writer's batch waits behind it.
                statement.executeUpdate("UPDATE cancel_request SET owner = owner");
            }
            Future<Boolean> completed = caller.submit(() -> journal.complete("default", "req-stuck", token,
                    result(request, Outcome.CANCELLED, Channel.REST), List.of(), null, false));

            // Readiness's limit, longer than the writer's lock wait: the stuck write fails and runs again, still waiting.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThatThrownBy(() -> journal.probe(Duration.ofSeconds(2), Duration.ZERO))
                            .isInstanceOf(JournalUnavailable.class)
                            .hasMessageContaining("the journal's writes are not being committed: a write has waited"));
            elsewhere.rollback();
            assertThat(completed.get(30, SECONDS)).isTrue();
        } finally {
            caller.shutdownNow();
        }
        journal.probe(Duration.ofMillis(300), Duration.ZERO);
    }

    @Test
    void aWriteHeldByAnotherClientsLockIsGivenUpWhileTheWritesBehindItAreCommitted() throws Exception {
        CancelRequest request = request("req-held");
        String token = owned(journal.claim("default", request, Channel.REST, false, STALE_AFTER));
        CancelResult cancelled = result(request, Outcome.CANCELLED, Channel.REST);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (Connection elsewhere = dataSource().getConnection()) {
            elsewhere.setAutoCommit(false);
            try (Statement statement = elsewhere.createStatement()) {
                // Another client's transaction, left open, holds the row the result goes to.
                statement.executeUpdate("UPDATE cancel_request SET owner = owner WHERE request_id = 'req-held'");
            }
            Future<Boolean> completed = callers.submit(() -> journal.complete("default", "req-held", token, cancelled,
                    List.of(), null, false));
            Thread.sleep(GroupCommit.LOCK_WAIT.toMillis() / 2);
            Future<Claim> behind = callers.submit(() -> journal.claim("default", request("req-free"), Channel.REST,
                    false, STALE_AFTER));

            owned(behind.get(GroupCommit.LOCK_WAIT.multipliedBy(4).toMillis(), MILLISECONDS));
            assertThatThrownBy(() -> completed.get(30, SECONDS)).hasCauseInstanceOf(JournalUnavailable.class);
            elsewhere.rollback();
        } finally {
            callers.shutdownNow();
        }
        assertThat(journal.complete("default", "req-held", token, cancelled, List.of(), null, false)).isTrue();
        assertThat(journal.find("default", "req-held").orElseThrow().result()).isEqualTo(cancelled);
    }

    @Test
    void theProbeFailsAfterAFailureOfTheJournalUntilItStoresAClaimOrTheFailureIsOld() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        DataSource real = dataSource();
        DataSource failing = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLException("the disk is full");
                    }
                    return invoke(method, real, args);
                });
        CancelJournal failed = new CancelJournal(failing, clock);
        assertThatThrownBy(() -> failed.claim("default", request("req-down"), Channel.REST, false, STALE_AFTER))
                .isInstanceOf(JournalUnavailable.class);
        down.set(false);

        // The probe's own write would pass: H2 with a full disk may find room for it where a cancel's writes fail.
        assertThatThrownBy(() -> failed.probe(Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .isInstanceOf(JournalUnavailable.class)
                .hasMessageContaining("has stored no claim or result since");
        Thread.sleep(300);
        failed.probe(Duration.ofSeconds(2), Duration.ofMillis(200));

        owned(failed.claim("default", request("req-up"), Channel.REST, false, STALE_AFTER));
        failed.probe(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void theProbeLeavesItsConnectionWithoutATimeoutForTheJournalsOtherWork() throws Exception {
        try (Connection pooled = dataSource().getConnection()) {
            // One connection handed out again and again, as a pool does.
            DataSource pool = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] { DataSource.class },
                    (proxy, method, args) -> method.getName().equals("getConnection")
                            ? Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                                    (connection, call, callArgs) -> call.getName().equals("close") ? null
                                            : invoke(call, pooled, callArgs))
                            : invoke(method, dataSource(), args));

            new CancelJournal(pool, clock).probe(Duration.ofSeconds(2), Duration.ZERO);

            try (Statement next = pooled.createStatement()) {
                assertThat(next.getQueryTimeout()).isZero();
            }
        }
    }

    // ---- helpers

    static CancelRequest request(String id) {
        return new CancelRequest(id, "hyperswitch", "m-1", "pay_" + id, "requested_by_customer", null, null);
    }

    static CancelResult result(CancelRequest request, Outcome outcome, Channel channel) {
        return new CancelResult(request.requestId(), request.provider(), request.merchantId(), request.reference(),
                outcome, outcome.retryable(), "status-" + outcome, "code-" + outcome,
                "answer for " + request.requestId(), 200, null, "2026-05-13T09:00:01Z", 1, 120, channel, null, false, null, null, null, 0);
    }

    static AttemptRecord attempt(int number) {
        return new AttemptRecord(number, START, 200, 10, null, "{}", CallKind.CANCEL);
    }

    /** The owner token the journal holds for the request now. */
    String tokenOf(String requestId) {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT owner FROM cancel_request WHERE request_id LIKE '%"
                        + requestId + "'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    static String owned(Claim claim) {
        assertThat(claim).isInstanceOf(Claim.Owned.class);
        return ((Claim.Owned) claim).token();
    }

    static JournalQuery all(int limit) {
        return new JournalQuery("default", null, null, null, null, null, null, null, null, limit, null);
    }

    static JournalQuery query(String provider, String merchantId, String reference, String outcome, String channel,
            Instant since, Instant until) {
        return new JournalQuery("default", provider, merchantId, reference, outcome, channel, null, since, until, 50, null);
    }

    CancelResult finish(CancelRequest request, Outcome outcome, Channel channel, AttemptRecord... attempts) {
        String token = owned(journal.claim("default", request, channel, true, STALE_AFTER));
        CancelResult result = result(request, outcome, channel);
        assertThat(journal.complete("default", request.requestId(), token, result, List.of(attempts), null, false)).isTrue();
        return result;
    }

    List<CancelResult> items(JournalQuery query) {
        return journal.list(query).items();
    }

    /** Every page of the query, as request ids, following the cursors until there is none. */
    List<List<String>> walk(JournalQuery first) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            JournalPage page = journal.list(new JournalQuery("default", first.provider(), first.merchantId(),
                    first.reference(), first.outcome(), first.channel(), null, first.since(), first.until(),
                    first.limit(), cursor));
            pages.add(page.items().stream().map(CancelResult::requestId).toList());
            cursor = page.next();
            assertThat(pages).as("pages walked").hasSizeLessThan(20);
        } while (cursor != null);
        return pages;
    }

    /** Claims the request from every journal on {@code threadsEach} threads each, all released at once. */
    static List<Claim> claimAtOnce(List<CancelJournal> journals, int threadsEach, CancelRequest request,
            boolean reattempt) throws Exception {
        int threads = journals.size() * threadsEach;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Claim>> futures = new ArrayList<>();
            for (CancelJournal each : journals) {
                for (int i = 0; i < threadsEach; i++) {
                    futures.add(pool.submit(() -> {
                        ready.countDown();
                        start.await();
                        return each.claim("default", request, Channel.REST, reattempt, STALE_AFTER);
                    }));
                }
            }
            assertThat(ready.await(10, SECONDS)).isTrue();
            start.countDown();
            List<Claim> claims = new ArrayList<>();
            for (Future<Claim> future : futures) {
                claims.add(future.get(30, SECONDS));
            }
            return claims;
        } finally {
            pool.shutdownNow();
        }
    }

    long rowCount(String table) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every value of every row of the table, as text. */
    String allText(String table) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    text.append(rs.getString(column)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
