package io.cancelgateway.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

/**
 * Runs the journal's writes from many threads in shared transactions: one writer thread takes every write waiting,
 * runs each under its own savepoint (a failed write, such as a duplicate key, undoes only itself), and commits them
 * together. Each caller returns only once its write is committed, so durability is unchanged, while the database
 * commits once per batch instead of once per write: an embedded database serialises commits, and this is what lets
 * many requests in flight share them.
 *
 * <p>Two instances sharing one database batch independently, so two batches can take the same keys in opposite orders
 * and deadlock (or, on H2, time out waiting for each other's locks). The losing write is undone by its savepoint and
 * runs again in a later batch, once its own batch's locks are released: the caller sees the outcome of that run, not
 * the conflict. A batch whose commit the database refuses for such a conflict is undone whole and runs again.
 *
 * <p>A write waits at most {@link #LOCK_WAIT} for a lock another client of the database holds (an open transaction, a
 * long statement): it counts as a lost conflict and runs again in a later batch, so the writes behind it are
 * committed meanwhile, and after {@link #MAX_CONFLICTS} such losses its caller is told. Without the limit, PostgreSQL
 * waits for a lock for ever, and with it every write of the service.
 *
 * <p>Whatever a batch meets (a failure without an SQL state, an Error in a work, a commit refused), each of its
 * callers is told what became of its write, and the writer goes on with the next batch: the journal's writes stop
 * only with the service.
 */
final class GroupCommit {

    private static final int MAX_BATCH = 256;
    private static final int MAX_CONFLICTS = 10;
    /** With {@link #MAX_CONFLICTS}, a write held by another client's lock is given up after about ten seconds. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(1);
    /**
     * Serialization failure (both databases, H2's deadlock), PostgreSQL's deadlock, the lock wait's end (H2, then
     * PostgreSQL).
     */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "HYT00", "55P03");

    private final DataSource dataSource;
    private final BlockingQueue<Write<?>> waiting = new LinkedBlockingQueue<>();
    /**
     * When the oldest write of the batch being written was first queued ({@link System#nanoTime()}); null while no
     * batch is written. A write that lost a lock conflict and runs again keeps its time: on H2, a write stuck behind
     * another client's lock fails after H2's lock timeout and is queued again, batch after batch.
     */
    private final AtomicReference<Long> oldestInBatch = new AtomicReference<>();
    /** Whether the database is PostgreSQL, learnt at the first batch; the writer thread's own. */
    private Boolean postgresql;

    GroupCommit(DataSource dataSource) {
        this.dataSource = dataSource;
        Thread writer = new Thread(this::writeForever, "journal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in the next batch and waits for its commit; its SQLException, if any, is rethrown. */
    <T> T run(Work<T> work) throws SQLException {
        Write<T> write = new Write<>(work);
        waiting.add(write);
        try {
            return write.done.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the journal", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (failed.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new SQLException(failed.getCause());
        }
    }

    /** How long the oldest write of the batch being written has waited for its commit; zero while none is written. */
    Duration oldestWriteWaiting() {
        Long queued = oldestInBatch.get();
        return queued == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - queued);
    }

    private void writeForever() {
        List<Write<?>> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_BATCH - 1);
                oldestInBatch.set(oldestQueued(batch));
                commit(batch);
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException | Error unexpected) {
                // Whatever is left undelivered fails rather than waits for ever; the writer goes on.
                batch.forEach(write -> write.done.completeExceptionally(unexpected));
            } finally {
                oldestInBatch.set(null);
                batch.clear();
            }
        }
    }

    private static long oldestQueued(List<Write<?>> batch) {
        long oldest = batch.get(0).queuedNanos;
        for (Write<?> write : batch) {
            if (write.queuedNanos - oldest < 0) {
                oldest = write.queuedNanos;
            }
        }
        return oldest;
    }

    private static final class Write<T> {
        final Work<T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        final long queuedNanos = System.nanoTime();
        T result;
        Throwable failure;
        int conflicts;

        Write(Work<T> work) {
            this.work = work;
        }

        void runUnder(Connection connection) throws SQLException {
            failure = null;
            Savepoint before = connection.setSavepoint();
            try {
                result = work.run(connection);
                connection.releaseSavepoint(before);
            } catch (SQLException | RuntimeException | Error failed) {
                // An Error too undoes only its own write; the others in the batch are committed.
                connection.rollback(before);
                failure = failed;
            }
        }

        /** Whether the write lost a lock conflict with another transaction and may run again. */
        boolean lostConflict() {
            return failure instanceof SQLException sql && sql.getSQLState() != null
                    && CONFLICT_STATES.contains(sql.getSQLState()) && ++conflicts <= MAX_CONFLICTS;
        }

        void deliver() {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(result);
            }
        }
    }

    private void commit(List<Write<?>> batch) {
        boolean committed = false;
        try (Connection connection = dataSource.getConnection()) {
            boolean onPostgresql = isPostgresql(connection);
            if (!onPostgresql) {
                // H2's lock timeout is the session's, set outside any transaction.
                execute(connection, "SET LOCK_TIMEOUT " + LOCK_WAIT.toMillis());
            }
            connection.setAutoCommit(false);
            boolean settled = false;
            try {
                if (onPostgresql) {
                    // The transaction's own: the pooled connection's reads keep PostgreSQL's default.
                    execute(connection, "SET LOCAL lock_timeout = " + LOCK_WAIT.toMillis());
                }
                for (Write<?> write : batch) {
                    write.runUnder(connection);
                }
                connection.commit();
                committed = true;
                settled = true;
            } catch (Throwable failed) {
                try {
                    connection.rollback();
                    settled = true;
                } catch (SQLException rollbackFailed) {
                    failed.addSuppressed(rollbackFailed);
                }
                throw failed;
            } finally {
                // Back to autocommit only with nothing pending, which it would commit; else the connection is dropped.
                if (settled) {
                    connection.setAutoCommit(true);
                } else {
                    connection.abort(Runnable::run);
                }
            }
        } catch (SQLException unavailable) {
            failUnlessCommitted(batch, committed, unavailable);
        } catch (RuntimeException | Error unexpected) {
            failUnlessCommitted(batch, committed, new SQLException("the journal's commit failed", unexpected));
        }
        // The batch is over before its callers hear of it: one that asks readiness next must not find it still waiting.
        oldestInBatch.set(null);
        for (Write<?> write : batch) {
            if (write.lostConflict()) {
                waiting.add(write);
            } else {
                write.deliver();
            }
        }
    }

    private boolean isPostgresql(Connection connection) throws SQLException {
        if (postgresql == null) {
            postgresql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        return postgresql;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A failure after the commit (closing the connection) changes nothing of what was committed. */
    private static void failUnlessCommitted(List<Write<?>> batch, boolean committed, SQLException failure) {
        if (!committed) {
            batch.forEach(write -> write.failure = failure);
        }
    }
}
