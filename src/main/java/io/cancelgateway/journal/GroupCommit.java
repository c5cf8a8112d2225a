package io.cancelgateway.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * Runs the journal's writes from many threads in shared transactions: the thread of the oldest write waiting takes
 * every write waiting, runs each under its own savepoint (a failed write, such as a duplicate key, undoes only itself),
 * and commits them together, while the threads arriving meanwhile wait for the next batch. Each caller returns only
 * once its write is committed, so durability is unchanged, while the database commits once per batch instead of once
 * per write: an embedded database serialises commits, and this is what lets many requests in flight share them. A
 * write with no other in progress is committed on its caller's thread, without a hand-over to another thread and back.
 *
 * <p>Two instances sharing one database batch independently, so two batches can take the same keys in opposite orders
 * and deadlock (or, on H2, time out waiting for each other's locks). The losing write is undone by its savepoint and
 * runs again in a later batch, once its own batch's locks are released: the caller sees the outcome of that run, not
 * the conflict.
 */
final class GroupCommit {

    private static final int MAX_BATCH = 256;
    private static final int MAX_CONFLICTS = 10;
    /** Serialization failure (both databases, H2's deadlock), PostgreSQL's deadlock, H2's lock timeout. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "HYT00");

    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    /** Writes not committed yet, oldest first; guarded by {@link #lock}. */
    private final ArrayDeque<Write<?>> waiting = new ArrayDeque<>();
    /** Whether a batch is being committed; guarded by {@link #lock}. */
    private boolean committing;

    GroupCommit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in the next batch and waits for its commit; its SQLException, if any, is rethrown. */
    <T> T run(Work<T> work) throws SQLException {
        Write<T> write = new Write<>(work, lock.newCondition());
        lock.lock();
        try {
            waiting.addLast(write);
            while (!write.done) {
                if (committing || waiting.peekFirst() != write) {
                    // A commit takes bounded time, and a caller leaving would leave its write to run unseen.
                    write.turn.awaitUninterruptibly();
                } else {
                    commitWaiting();
                }
            }
        } finally {
            lock.unlock();
        }
        return write.outcome();
    }

    /** Commits the writes waiting, on this thread, and hands the next batch to the oldest write still waiting. */
    private void commitWaiting() {
        List<Write<?>> batch = new ArrayList<>(Math.min(waiting.size(), MAX_BATCH));
        while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(waiting.pollFirst());
        }
        committing = true;
        lock.unlock();
        // H2 closes its file for good when a thread interrupted writes to it; an interrupt is kept for after the commit.
        boolean interrupted = Thread.interrupted();
        try {
            commit(batch);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            lock.lock();
            committing = false;
            for (Write<?> write : batch) {
                if (write.lostConflict()) {
                    waiting.addLast(write);
                } else {
                    write.done = true;
                    write.turn.signal();
                }
            }
            Write<?> next = waiting.peekFirst();
            if (next != null) {
                next.turn.signal();
            }
        }
    }

    private static final class Write<T> {
        final Work<T> work;
        final Condition turn;
        boolean done;
        T result;
        Exception failure;
        int conflicts;

        Write(Work<T> work, Condition turn) {
            this.work = work;
            this.turn = turn;
        }

        void runUnder(Connection connection) throws SQLException {
            failure = null;
            Savepoint before = connection.setSavepoint();
            try {
                result = work.run(connection);
                connection.releaseSavepoint(before);
            } catch (SQLException | RuntimeException failed) {
                connection.rollback(before);
                failure = failed;
            }
        }

        /** Whether the write lost a lock conflict with another transaction and may run again. */
        boolean lostConflict() {
            return failure instanceof SQLException sql && CONFLICT_STATES.contains(sql.getSQLState())
                    && ++conflicts <= MAX_CONFLICTS;
        }

        T outcome() throws SQLException {
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            return result;
        }
    }

    private void commit(List<Write<?>> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Write<?> write : batch) {
                    write.runUnder(connection);
                }
                connection.commit();
            } catch (SQLException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException unavailable) {
            batch.forEach(write -> write.failure = unavailable);
        } catch (Error fatal) {
            batch.forEach(write -> write.failure = new SQLException("the journal's commit failed", fatal));
            throw fatal;
        }
    }
}
