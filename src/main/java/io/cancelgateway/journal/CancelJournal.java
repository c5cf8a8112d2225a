package io.cancelgateway.journal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.client.Client;
import io.cancelgateway.flow.LogValue;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.provider.CallKind;

/**
 * The durable record of every request and its result, and the judge of idempotency. Which caller processes a request
 * is decided by the database (the request id is the primary key, and takeovers are conditional updates), never by an
 * in-memory lock, so it holds across threads and across instances sharing one database. Writes are group-committed
 * ({@link GroupCommit}); reads use their own connections.
 */
public class CancelJournal {

    private static final Logger LOG = Logger.getLogger(CancelJournal.class);

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";
    private static final String DUPLICATE_KEY = "23505";
    private static final int PURGE_BATCH = 1_000;
    /**
     * Reads back whatever was stored, however long: the channels now refuse oversized values, but a row stored before
     * must not make every page holding it fail on the JSON reader's default string limit. Writes every character
     * beyond ASCII as a JSON escape: half of a character (a lone UTF-16 surrogate, kept in an invalid request as it
     * came) would be stored as '?' by PostgreSQL's driver, and the request's repeat would no longer match it.
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build());
    /** The stored outcomes a repeat may take over: a status check that made the result final meanwhile stops it. */
    private static final String ATTEMPTED_AGAIN_SQL_LIST = Arrays.stream(Outcome.values())
            .filter(Outcome::attemptedAgain).map(outcome -> "'" + outcome.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    private static final String INSERT_ATTEMPT = "INSERT INTO cancel_attempt (request_id, attempt, started_at, "
            + "http_status, duration_ms, failure, response_body, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final GroupCommit writes;
    /** When the journal last failed for its database ({@link System#nanoTime()}); null before it ever has. */
    private final AtomicReference<Long> lastFailure = new AtomicReference<>();
    /** When the journal last stored a claim or a result ({@link System#nanoTime()}); null before it ever has. */
    private final AtomicReference<Long> lastStored = new AtomicReference<>();
    private final Clock clock;

    public CancelJournal(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.writes = new GroupCommit(dataSource);
        this.clock = clock;
    }

    /**
     * Claims the request for processing, or says why not.
     *
     * @param reattempt whether a stored ERROR or AUTH_FAILED result is attempted again (a new request with the same
     *        key) rather than answered (a caller that waited for another one's run)
     * @param client the client that sent it: its request ids are its own
     * @param staleAfter an IN_PROGRESS claim older than this belongs to a crashed run and is taken over
     */
    public Claim claim(String client, CancelRequest request, Channel channel, boolean reattempt, Duration staleAfter) {
        String token = UUID.randomUUID().toString();
        String key = key(client, request.requestId());
        while (true) {
            if (insert(key, client, request, channel, token)) {
                return new Claim.Owned(token, false);
            }
            Optional<Row> row = row(key);
            if (row.isEmpty()) {
                continue; // purged between our insert and our read
            }
            Row current = row.get();
            if (!sameCancel(read(current.requestJson, CancelRequest.class), request)) {
                return new Claim.Reused();
            }
            if (DONE.equals(current.state)) {
                CancelResult result = read(current.resultJson, CancelResult.class);
                if (result.isFinal() || !reattempt) {
                    return new Claim.Finished(result);
                }
                if (takeOver(key, request, channel, current, token)) {
                    return new Claim.Owned(token, current.lostAnswer);
                }
            } else if (current.claimedAt.isBefore(now().minus(staleAfter))) {
                if (takeOver(key, request, channel, current, token)) {
                    return new Claim.Owned(token, true);
                }
            } else {
                return new Claim.Busy();
            }
        }
    }

    /**
     * Stores the result of a claimed request and the HTTP calls its run made, in one transaction (one commit per
     * request instead of one per call); false, and nothing written, when another run took the request over meanwhile.
     * The attempts' bodies must already be masked. A result {@link SyncState#FOLLOWING following} is due for its first
     * status check at its {@code next_check_at}.
     *
     * @param followUp how a followed result is followed; null for any other
     * @param lostAnswer whether this run, or one before it, may have reached the provider without learning what it did
     */
    public boolean complete(String client, String requestId, String token, CancelResult result,
            List<AttemptRecord> attempts, FollowUp followUp, boolean lostAnswer) {
        String key = key(client, requestId);
        String resultJson = write(result);
        boolean following = result.syncState() == SyncState.FOLLOWING && followUp != null;
        ReplyAddress replyTo = followUp == null ? null : followUp.replyTo();
        try {
            boolean stored = writes.run(connection -> {
                boolean owned;
                try (PreparedStatement statement = connection.prepareStatement("UPDATE cancel_request SET state = ?, "
                        + "outcome = ?, result_json = ?, completed_at = ?, provider = ?, merchant_id = ?, "
                        // A run without a reply address (a retry over REST) keeps where the first answer went.
                        + "sync_state = ?, next_check_at = ?, follow_until = ?, reply_to = COALESCE(?, reply_to), "
                        + "correlation_id = COALESCE(?, correlation_id), lost_answer = ? "
                        + "WHERE request_id = ? AND owner = ?")) {
                    statement.setString(1, DONE);
                    statement.setString(2, result.outcome().name());
                    statement.setString(3, resultJson);
                    statement.setObject(4, now());
                    statement.setString(5, truncate(result.provider(), 32));
                    statement.setString(6, truncate(result.merchantId(), 128));
                    statement.setString(7, result.syncState() == null ? null : result.syncState().name());
                    statement.setObject(8, following ? utc(Instant.parse(result.nextCheckAt())) : null);
                    statement.setObject(9, following ? utc(followUp.until()) : null);
                    statement.setString(10, replyTo == null ? null : replyTo.destination());
                    statement.setString(11, replyTo == null ? null : replyTo.correlationId());
                    statement.setBoolean(12, lostAnswer);
                    statement.setString(13, key);
                    statement.setString(14, token);
                    owned = statement.executeUpdate() == 1;
                }
                if (owned) {
                    insertAttempts(connection, key, attempts);
                }
                return owned;
            });
            if (stored) {
                lastStored.set(System.nanoTime());
            }
            return stored;
        } catch (SQLException failure) {
            throw unavailable(failure);
        }
    }

    private static void insertAttempts(Connection connection, String key, List<AttemptRecord> attempts)
            throws SQLException {
        if (attempts.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ATTEMPT)) {
            for (AttemptRecord attempt : attempts) {
                bindAttempt(statement, key, attempt);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * One provider's followed results due by a time, oldest first, at most {@code limit}; read from the index on
     * {@code (provider, next_check_at)}, so a provider with many results due costs the others nothing. The lower bound
     * is not a filter: H2 keeps NULLs at the start of an index (of a provider's part of it here), so
     * {@code next_check_at <= ?} alone walked every result never followed at each poll (300,000 index entries, 36 ms,
     * for 10 due ones).
     */
    static String dueCandidates(int limit) {
        return "SELECT request_id FROM cancel_request WHERE provider = ? AND next_check_at >= ? AND next_check_at <= ? "
                + "AND state = 'DONE' AND (sync_lease_until IS NULL OR sync_lease_until < ?) "
                // Ordered by the index's own columns: H2 sorts by an index only from its first column on.
                + "ORDER BY provider, next_check_at LIMIT " + limit;
    }

    /**
     * Leases up to {@code max} followed results that are due (a status check, or telling the caller of a change), for
     * {@code lease}: each provider's in turn, the longest due first, while {@code places} has a place for the provider.
     * Each lease is a conditional update, so of several instances sharing the database exactly one holds a result at a
     * time; a lease not given back (a crash) runs out and the result is due again. When the journal fails partway, the
     * results already leased are given and the others wait for a later poll.
     */
    public List<DueCheck> leaseDue(int max, Duration lease, CheckPlaces places) {
        List<DueCheck> leased = new ArrayList<>();
        for (String provider : places.leaseOrder()) {
            if (leased.size() >= max) {
                break;
            }
            try {
                leaseDueOf(provider, max, lease, places, leased);
            } catch (JournalUnavailable failed) {
                if (leased.isEmpty()) {
                    throw failed;
                }
                // Quoted: a database's message may quote the values it failed on, a caller's among them.
                LOG.warnf("the journal failed after %d due results were leased; the others wait for a later poll: %s",
                        leased.size(), LogValue.quoted(failed.getMessage()));
                break;
            }
        }
        return leased;
    }

    private void leaseDueOf(String provider, int max, Duration lease, CheckPlaces places, List<DueCheck> leased) {
        if (places.full(provider)) {
            return;
        }
        OffsetDateTime now = now();
        // A few more candidates than wanted: another instance may lease some of them first.
        List<String> candidates = query(dueCandidates(2 * (max - leased.size())), statement -> {
            statement.setString(1, provider);
            statement.setObject(2, utc(Instant.EPOCH));
            statement.setObject(3, now);
            statement.setObject(4, now);
        }, rs -> rs.getString(1));
        for (String key : candidates) {
            if (leased.size() >= max || places.full(provider)) {
                return;
            }
            Optional<DueCheck> check;
            try {
                check = lease(key, lease, true);
            } catch (JournalUnavailable failed) {
                throw failed;
            } catch (RuntimeException unreadable) {
                // Left leased, so it is looked at again only when the lease runs out, not at every poll.
                // Quoted, without its trace: a reader's message may quote the stored JSON, a caller's values in it.
                LOG.errorf("a followed request cannot be read back from the journal; skipped until its lease runs "
                        + "out: %s", LogValue.quoted(String.valueOf(unreadable)));
                continue;
            }
            if (check.isPresent()) {
                // The provider the check gives its place back to.
                places.taken(check.get().provider());
                leased.add(check.get());
            }
        }
    }

    /**
     * Leases one followed result now, due or not (a caller asking for a check); empty when it is not followed or
     * another run holds it.
     */
    public Optional<DueCheck> leaseNow(String client, String requestId, Duration lease) {
        return lease(key(client, requestId), lease, false);
    }

    private Optional<DueCheck> lease(String key, Duration lease, boolean onlyWhenDue) {
        OffsetDateTime now = now();
        String token = UUID.randomUUID().toString();
        int leased = update("UPDATE cancel_request SET sync_owner = ?, sync_lease_until = ? WHERE request_id = ? "
                + "AND state = 'DONE' AND next_check_at IS NOT NULL"
                + (onlyWhenDue ? " AND next_check_at <= ?" : "")
                + " AND (sync_lease_until IS NULL OR sync_lease_until < ?)", statement -> {
                    statement.setString(1, token);
                    statement.setObject(2, now.plus(lease));
                    statement.setString(3, key);
                    int next = 4;
                    if (onlyWhenDue) {
                        statement.setObject(next++, now);
                    }
                    statement.setObject(next, now);
                });
        if (leased == 0) {
            return Optional.empty();
        }
        return query("SELECT channel, request_json, result_json, follow_until, reply_to, correlation_id, client, "
                + "provider "
                + "FROM cancel_request WHERE request_id = ? AND sync_owner = ?", statement -> {
                    statement.setString(1, key);
                    statement.setString(2, token);
                }, rs -> {
                    OffsetDateTime until = rs.getObject(4, OffsetDateTime.class);
                    String destination = rs.getString(5);
                    String correlationId = rs.getString(6);
                    return new DueCheck(key, rs.getString(7), rs.getString(8), token, Channel.byId(rs.getString(1)),
                            read(rs.getString(2), CancelRequest.class), read(rs.getString(3), CancelResult.class),
                            until == null ? null : until.toInstant(),
                            destination == null && correlationId == null ? null
                                    : new ReplyAddress(destination, correlationId));
                }).stream().findFirst();
    }

    /**
     * Stores what a status check found, with its calls, if the lease still holds (false, nothing written, when it ran
     * out or the request was attempted again meanwhile). A result the check changed stays leased until its caller
     * has heard of it ({@link #announced}); any other gives the lease back.
     *
     * @param announce whether the caller is to hear of the change on its channel
     */
    public boolean recordStatusCheck(DueCheck check, CancelResult updated, List<AttemptRecord> attempts,
            boolean announce) {
        String resultJson = write(updated);
        boolean following = updated.syncState() == SyncState.FOLLOWING;
        OffsetDateTime now = now();
        try {
            return writes.run(connection -> {
                boolean owned;
                // A lease that ran out is still ours unless another instance took it since: the owner decides.
                try (PreparedStatement statement = connection.prepareStatement("UPDATE cancel_request SET "
                        + "outcome = ?, result_json = ?, sync_state = ?, next_check_at = ?"
                        + (announce ? "" : ", sync_owner = NULL, sync_lease_until = NULL")
                        + " WHERE request_id = ? AND sync_owner = ? AND state = 'DONE'")) {
                    statement.setString(1, updated.outcome().name());
                    statement.setString(2, resultJson);
                    statement.setString(3, updated.syncState().name());
                    statement.setObject(4, following ? utc(Instant.parse(updated.nextCheckAt()))
                            : announce ? now : null);
                    statement.setString(5, check.key());
                    statement.setString(6, check.lease());
                    owned = statement.executeUpdate() == 1;
                }
                if (owned) {
                    insertAttempts(connection, check.key(), attempts);
                }
                return owned;
            });
        } catch (SQLException failure) {
            throw unavailable(failure);
        }
    }

    /** Gives the lease back without a check: the result is due again when it was. */
    public void release(DueCheck check) {
        update("UPDATE cancel_request SET sync_owner = NULL, sync_lease_until = NULL WHERE request_id = ? "
                + "AND sync_owner = ?", statement -> {
                    statement.setString(1, check.key());
                    statement.setString(2, check.lease());
                });
    }

    /** The caller has heard of the change: nothing is left to do for the result, and its lease is given back. */
    public void announced(DueCheck check) {
        update("UPDATE cancel_request SET next_check_at = NULL, sync_owner = NULL, sync_lease_until = NULL "
                + "WHERE request_id = ? AND sync_owner = ? AND (sync_state IS NULL OR sync_state <> 'FOLLOWING')",
                statement -> {
                    statement.setString(1, check.key());
                    statement.setString(2, check.lease());
                });
    }

    private static void bindAttempt(PreparedStatement statement, String requestId, AttemptRecord attempt)
            throws SQLException {
        statement.setString(1, requestId);
        statement.setInt(2, attempt.attempt());
        statement.setObject(3, OffsetDateTime.ofInstant(attempt.startedAt(), ZoneOffset.UTC));
        if (attempt.httpStatus() == null) {
            statement.setNull(4, Types.INTEGER);
        } else {
            statement.setInt(4, attempt.httpStatus());
        }
        statement.setLong(5, attempt.durationMs());
        statement.setString(6, truncate(attempt.failure(), 512));
        statement.setString(7, text(attempt.responseBody()));
        statement.setString(8, attempt.kind().id());
    }

    /** The client's request with this id; another client's is not found. */
    public Optional<JournalEntry> find(String client, String requestId) {
        return query("SELECT request_id, channel, request_json, state, received_at, result_json FROM cancel_request "
                + "WHERE request_id = ?", statement -> statement.setString(1, key(client, requestId)), this::entry)
                .stream().findFirst();
    }

    /** When the last status check of the client's request ended (its start plus its duration), if one was made. */
    public Optional<Instant> lastStatusCheckEnd(String client, String requestId) {
        return query("SELECT started_at, duration_ms FROM cancel_attempt WHERE request_id = ? AND kind = ? "
                + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", statement -> {
                    statement.setString(1, key(client, requestId));
                    statement.setString(2, CallKind.STATUS.id());
                }, rs -> instant(rs, 1).plusMillis(rs.getLong(2))).stream().findFirst();
    }

    /** The calls made for the client's request with this id. */
    public List<StoredAttempt> attempts(String client, String requestId) {
        return query("SELECT attempt, started_at, http_status, duration_ms, failure, response_body, kind "
                + "FROM cancel_attempt WHERE request_id = ? ORDER BY id",
                statement -> statement.setString(1, key(client, requestId)),
                rs -> new StoredAttempt(rs.getString(7), rs.getInt(1), instant(rs, 2).toString(),
                        (Integer) rs.getObject(3), rs.getLong(4), rs.getString(5), rs.getString(6)));
    }

    /** Finished results, newest first. */
    public JournalPage list(JournalQuery filter) {
        ListStatement statement = ListStatement.of(filter);
        List<Object[]> rows = query(statement.sql(), prepared -> {
            for (int i = 0; i < statement.values().size(); i++) {
                prepared.setObject(i + 1, statement.values().get(i));
            }
        }, rs -> new Object[] { rs.getString(1), instant(rs, 2), rs.getString(3) });
        boolean more = rows.size() > filter.limit();
        List<Object[]> page = more ? rows.subList(0, filter.limit()) : rows;
        List<CancelResult> items = page.stream().map(row -> read((String) row[2], CancelResult.class)).toList();
        Object[] last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new JournalPage(items, more ? new Cursor((Instant) last[1], (String) last[0]).encode() : null);
    }

    /**
     * The query of one page of a client's finished results and its values. It reads the client's index
     * ({@code client, received_at DESC, request_id DESC}) in its own order from where the page starts, so a page costs
     * its rows whatever the journal holds: the order names {@code client} (one value here) because H2 takes an index
     * as sorted only when the order starts with its first column, and a cursor bounds {@code received_at} on its own
     * too, which H2 seeks to (the condition that breaks ties on {@code request_id} alone it cannot).
     */
    record ListStatement(String sql, List<Object> values) {

        static ListStatement of(JournalQuery filter) {
            StringBuilder sql = new StringBuilder("SELECT request_id, received_at, result_json FROM cancel_request "
                    + "WHERE state = 'DONE' AND client = ?");
            List<Object> values = new ArrayList<>();
            values.add(filter.client());
            condition(sql, values, "provider", filter.provider());
            condition(sql, values, "merchant_id", filter.merchantId());
            condition(sql, values, "reference", filter.reference());
            condition(sql, values, "outcome", filter.outcome());
            condition(sql, values, "channel", filter.channel());
            condition(sql, values, "sync_state", filter.syncState());
            if (filter.since() != null) {
                sql.append(" AND received_at >= ?");
                values.add(utc(filter.since()));
            }
            if (filter.until() != null) {
                sql.append(" AND received_at < ?");
                values.add(utc(filter.until()));
            }
            if (filter.cursor() != null) {
                Cursor after = Cursor.decode(filter.cursor());
                sql.append(" AND received_at <= ? AND (received_at < ? OR request_id < ?)");
                values.add(utc(after.receivedAt()));
                values.add(utc(after.receivedAt()));
                values.add(text(after.requestId()));
            }
            sql.append(" ORDER BY client, received_at DESC, request_id DESC LIMIT ").append(filter.limit() + 1);
            return new ListStatement(sql.toString(), values);
        }
    }

    /**
     * Deletes requests received and last run before the cutoff, with their attempts; returns how many requests. A
     * request attempted again since (a retry, a repeat of an error) is kept: its run may be in progress, and its result
     * is as new as that run.
     */
    public int purgeReceivedBefore(Instant cutoff) {
        return purgeReceivedBefore(cutoff, PURGE_BATCH);
    }

    /**
     * Deletes in writes of at most {@code batch} requests: the journal's writer runs one write at a time, and every
     * cancel's writes wait for a long one (months of requests at once).
     */
    int purgeReceivedBefore(Instant cutoff, int batch) {
        // The outer condition is checked again on each row deleted, so a repeat taking a request over meanwhile keeps
        // it and its attempts (ON DELETE CASCADE).
        String sql = "DELETE FROM cancel_request WHERE received_at < ? AND claimed_at < ? AND request_id IN ("
                + "SELECT request_id FROM cancel_request WHERE received_at < ? AND claimed_at < ? "
                + "ORDER BY received_at LIMIT " + batch + ")";
        int purged = 0;
        int deleted;
        // Until a write deletes none: one short of its batch may only have kept a request taken over meanwhile.
        do {
            deleted = update(sql, statement -> {
                for (int parameter = 1; parameter <= 4; parameter++) {
                    statement.setObject(parameter, utc(cutoff));
                }
            });
            purged += deleted;
        } while (deleted > 0);
        return purged;
    }

    private boolean insert(String key, String client, CancelRequest request, Channel channel, String token) {
        OffsetDateTime now = now();
        String requestJson = write(request);
        try {
            writes.run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO cancel_request ("
                        + "request_id, channel, provider, merchant_id, reference, request_json, state, owner, "
                        + "received_at, claimed_at, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    statement.setString(1, key);
                    statement.setString(2, channel.id());
                    // An INVALID request is journaled too, so these may exceed their filter columns; the JSON keeps
                    // them whole.
                    statement.setString(3, truncate(request.provider(), 32));
                    statement.setString(4, truncate(request.merchantId(), 128));
                    statement.setString(5, truncate(request.reference(), 512));
                    statement.setString(6, requestJson);
                    statement.setString(7, IN_PROGRESS);
                    statement.setString(8, token);
                    statement.setObject(9, now);
                    statement.setObject(10, now);
                    statement.setString(11, client);
                    return statement.executeUpdate() == 1;
                }
            });
            lastStored.set(System.nanoTime());
            return true;
        } catch (SQLException failure) {
            if (DUPLICATE_KEY.equals(failure.getSQLState())) {
                return false;
            }
            throw unavailable(failure);
        }
    }

    private boolean takeOver(String key, CancelRequest request, Channel channel, Row seen, String token) {
        String requestJson = write(request);
        // A run of its own ends any following of the earlier result: its own result decides about following.
        return update("UPDATE cancel_request SET state = ?, owner = ?, claimed_at = ?, channel = ?, request_json = ?, "
                + "sync_state = NULL, next_check_at = NULL, sync_owner = NULL, sync_lease_until = NULL "
                + "WHERE request_id = ? AND owner = ? AND state = ? "
                // A status check changes the result without changing its owner.
                + "AND (state = '" + IN_PROGRESS + "' OR outcome IN " + ATTEMPTED_AGAIN_SQL_LIST + ")", statement -> {
                    statement.setString(1, IN_PROGRESS);
                    statement.setString(2, token);
                    statement.setObject(3, now());
                    statement.setString(4, channel.id());
                    statement.setString(5, requestJson);
                    statement.setString(6, key);
                    statement.setString(7, seen.owner);
                    statement.setString(8, seen.state);
                }) == 1;
    }

    private Optional<Row> row(String key) {
        return query("SELECT state, owner, claimed_at, result_json, request_json, lost_answer FROM cancel_request "
                + "WHERE request_id = ?",
                statement -> statement.setString(1, key),
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6))).stream().findFirst();
    }

    /** Whether two requests under one id ask for the same cancel: every field as sent but the id. */
    private static boolean sameCancel(CancelRequest stored, CancelRequest asked) {
        return stored.withRequestId(null).equals(asked.withRequestId(null));
    }

    private JournalEntry entry(ResultSet rs) throws SQLException {
        // A reattempted request still holds its previous result until the new one is stored.
        boolean inProgress = IN_PROGRESS.equals(rs.getString(4));
        String resultJson = rs.getString(6);
        CancelRequest request = read(rs.getString(3), CancelRequest.class);
        return new JournalEntry(request.requestId(), Channel.byId(rs.getString(2)), request, inProgress,
                instant(rs, 5),
                inProgress || resultJson == null ? null : read(resultJson, CancelResult.class));
    }

    /**
     * The journal's key of a client's request: {@code <client>/<request_id>}, so that clients never share a request
     * id; the single-tenant client's is the bare id, as before clients existed.
     */
    static String key(String client, String requestId) {
        return Client.SINGLE_TENANT.equals(client) ? requestId : client + "/" + requestId;
    }

    private static void condition(StringBuilder sql, List<Object> values, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(text(value));
        }
    }

    private OffsetDateTime now() {
        // Microseconds: what both databases keep, so cursors compare exactly.
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String truncate(String value, int length) {
        return text(value == null || value.length() <= length ? value : value.substring(0, length));
    }

    /**
     * Text as the journal stores and looks it up outside its JSON columns: a NUL character (U+0000), which PostgreSQL
     * refuses in text and H2 keeps, becomes U+FFFD, so that a provider's or caller's NUL fails no statement on either
     * database.
     */
    private static String text(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("the journal holds an unreadable " + type.getSimpleName(), corrupt);
        }
    }

    /**
     * Whether the journal's writes are committed now: no write its writer is writing has waited longer than
     * {@code stalledAfter} (a lock held by another client of the database, a long retention purge: every cancel's
     * writes wait behind it while the database itself answers), and one small write, the journal's probe row, commits
     * on a connection of its own within that time (a full disk still lets reads through), and the journal has not
     * failed for its database within {@code failureRemembered} without storing a claim or a result since (H2 with its
     * disk full may still find room for the probe's small write in its own file, where a cancel's writes fail). The
     * probe is not one of the writer's batches: that would hold the row, which every instance on the database shares,
     * as long as the batch runs.
     *
     * @throws JournalUnavailable when any of these fails
     */
    public void probe(Duration stalledAfter, Duration failureRemembered) {
        Long failedAt = lastFailure.get();
        Long storedAt = lastStored.get();
        if (failedAt != null && (storedAt == null || storedAt - failedAt < 0)
                && System.nanoTime() - failedAt < failureRemembered.toNanos()) {
            throw new JournalUnavailable(new SQLException("the journal failed for its database "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failedAt)
                    + " ms ago and has stored no claim or result since"));
        }
        Duration waiting = writes.oldestWriteWaiting();
        if (waiting.compareTo(stalledAfter) > 0) {
            throw new JournalUnavailable(new SQLException("the journal's writes are not being committed: a write has "
                    + "waited " + waiting.toMillis() + " ms for its commit"));
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE journal_probe SET probed_at = ? WHERE id = 1")) {
            // Whole seconds, at least one: a database that hangs does not hold the check and a pooled connection.
            statement.setQueryTimeout((int) Math.max(1, stalledAfter.plusMillis(999).toSeconds()));
            try {
                statement.setObject(1, now());
                statement.executeUpdate();
            } finally {
                // H2 sets the timeout on the connection, which goes back to the pool for the journal's other work.
                // A connection the failure broke refuses it: the failure above is the one to report.
                try {
                    statement.setQueryTimeout(0);
                } catch (SQLException broken) {
                    connection.abort(Runnable::run);
                }
            }
        } catch (SQLException failure) {
            throw unavailable(failure);
        }
    }

    /**
     * The journal's answer to a database failure. Connections the failure may have broken (a database closed after
     * a full disk, a restarted server) are replaced: the pool's idle ones at once, those in use as they come back, so
     * the journal works again as soon as the database does, without a restart.
     */
    private JournalUnavailable unavailable(SQLException failure) {
        lastFailure.set(System.nanoTime());
        if (dataSource instanceof AgroalDataSource pool) {
            pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
        }
        return new JournalUnavailable(failure);
    }

    private int update(String sql, Binder binder) {
        try {
            return writes.run(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    binder.bind(statement);
                    return statement.executeUpdate();
                }
            });
        } catch (SQLException failure) {
            throw unavailable(failure);
        }
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException failure) {
            throw unavailable(failure);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private record Row(String state, String owner, OffsetDateTime claimedAt, String resultJson, String requestJson,
            boolean lostAnswer) {
    }

    /** Where a page ended: the last item's receipt time and request id, opaque to callers. */
    record Cursor(Instant receivedAt, String requestId) {

        String encode() {
            String raw = receivedAt.getEpochSecond() + "." + receivedAt.getNano() + ":" + requestId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                String[] time = raw.substring(0, colon).split("\\.");
                Instant receivedAt = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]));
                if (!JournalQuery.holdable(receivedAt)) {
                    throw new IllegalArgumentException("out of range");
                }
                return new Cursor(receivedAt, raw.substring(colon + 1));
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("cursor is not one this service returned");
            }
        }
    }
}
