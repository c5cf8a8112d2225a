package io.cancelgateway.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
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
 * the conflict. A batch whose commit the database refuses for such a conflict is undone whole, and all of it runs again.
 *
 * <p>H2 closes its file for good when a thread is interrupted while reading or writing it, so nothing may interrupt a
 * thread that uses the journal; an interrupt made before a write is kept for after it.
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
    /** Whether a write's thread commits; when not, no write waits. Guarded by {@link #lock}. */
    private boolean committing;

    GroupCommit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work in the next batch and waits for its commit, not stopped by an interrupt (a caller leaving would
     * leave its write to run unseen). The work's SQLException or RuntimeException is rethrown; a batch that could not
     * be committed fails every write in it with an SQLException.
     */
    <T> T run(Work<T> work) throws SQLException {
        Write<T> write = new Write<>(work, Thread.currentThread());
        lock.lock();
        try {
            waiting.addLast(write);
            if (!committing) {
                committing = true;
                write.turn = Turn.COMMIT;
            }
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        Turn turn;
        while ((turn = write.turn) != Turn.DONE) {
            if (turn == Turn.COMMIT) {
                write.turn = Turn.WAIT;
                interrupted |= Thread.interrupted();
                commitWaiting();
            } else {
                // Woken without the lock: the threads of a whole batch go on at once, not one after the other.
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return write.outcome();
    }

    /**
     * Commits the writes waiting, this one's first, then wakes their threads and gives the next batch to the oldest
     * write still waiting. Runs with the interrupt cleared.
     */
    private void commitWaiting() {
        List<Write<?>> batch = new ArrayList<>();
        lock.lock();
        try {
            while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(waiting.pollFirst());
            }
        } finally {
            lock.unlock();
        }
        try {
            commit(batch);
        } finally {
            List<Write<?>> woken = new ArrayList<>(batch.size() + 1);
            lock.lock();
            try {
                for (Write<?> write : batch) {
                    if (write.lostConflict()) {
                        waiting.addLast(write);
                    } else {
                        write.turn = Turn.DONE;
                        woken.add(write);
                    }
                }
                Write<?> next = waiting.peekFirst();
                if (next == null) {
                    committing = false;
                } else {
                    next.turn = Turn.COMMIT;
                    woken.add(next);
                }
            } finally {
                lock.unlock();
            }
            Thread self = Thread.currentThread();
            for (Write<?> write : woken) {
                if (write.thread != self) {
                    LockSupport.unpark(write.thread);
                }
            }
        }
    }

    /** What a write's thread does next: wait, commit the writes waiting, or return. */
    private enum Turn {
        WAIT, COMMIT, DONE
    }

    private static final class Write<T> {
        final Work<T> work;
        final Thread thread;
        /** Set under the lock by the thread that commits; read by the write's own without it. */
        volatile Turn turn = Turn.WAIT;
        T result;
        Exception failure;
        int conflicts;

        Write(Work<T> work, Thread thread) {
            this.work = work;
            this.thread = thread;
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
            return failure instanceof SQLException sql && sql.getSQLState() != null
                    && CONFLICT_STATES.contains(sql.getSQLState())
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

    /** Each write of the batch ends with its result or failure; a failure after the commit changes nothing. */
    private void commit(List<Write<?>> batch) {
        boolean committed = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Write<?> write : batch) {
                    write.runUnder(connection);
                }
                connection.commit();
                committed = true;
            } catch (SQLException | RuntimeException | Error failed) {
                // Undone whole, also after an Error in a work: setAutoCommit(true) would commit what is pending.
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException unavailable) {
            failUnlessCommitted(batch, committed, unavailable);
        } catch (RuntimeException | Error unexpected) {
            failUnlessCommitted(batch, committed, new SQLException("the journal's commit failed", unexpected));
            if (unexpected instanceof Error fatal) {
                throw fatal;
            }
        }
    }

    private static void failUnlessCommitted(List<Write<?>> batch, boolean committed, SQLException failure) {
        if (!committed) {
            batch.forEach(write -> write.failure = failure);
        }
    }
}
