package io.cancelgateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The journal's group commit on an H2 file database, as the service runs it by default: what a batch may meet. */
// A writer that stopped would leave a caller waiting: the whole class is bounded.
@Timeout(120)
class GroupCommitTest {

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;
    private Connection keepOpen;
    private GroupCommit writes;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void createTable() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("journal") + ";WRITE_DELAY=0");
        dataSource.setUser("sa");
        // H2 closes a database with its last connection; one held open keeps it for the whole test.
        keepOpen = dataSource.getConnection();
        try (Statement statement = keepOpen.createStatement()) {
            statement.execute("CREATE TABLE entry (id VARCHAR(32) PRIMARY KEY, written_by VARCHAR(128))");
        }
        writes = new GroupCommit(dataSource);
    }

    @AfterEach
    void close() throws SQLException {
        callers.shutdownNow();
        keepOpen.close();
    }

    @Test
    void aFailedWriteUndoesOnlyItselfAndItsCallerGetsItsFailure() throws Exception {
        writes.run(connection -> insert(connection, "taken"));
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<String> first = callers.submit(() -> writes.run(connection -> {
            firstRunning.countDown();
            await(releaseFirst);
            return insert(connection, "first");
        }));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        Set<Thread> waiters = ConcurrentHashMap.newKeySet();
        Future<String> duplicate = callers.submit(() -> {
            waiters.add(Thread.currentThread());
            return writes.run(connection -> insert(connection, "taken"));
        });
        Future<String> fine = callers.submit(() -> {
            waiters.add(Thread.currentThread());
            return writes.run(connection -> insert(connection, "fine"));
        });
        awaitAllWaiting(waiters, 2);

        releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        fine.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
        assertThat(committed()).containsExactlyInAnyOrder("taken", "first", "fine");
    }

    @Test
    void manyCallersAtOnceEachGetTheirOwnWriteCommitted() throws Exception {
        List<Future<List<String>>> callersWrites = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int caller = c;
            callersWrites.add(callers.submit(() -> {
                List<String> written = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    String id = caller + "-" + i;
                    writes.run(connection -> insert(connection, id));
                    written.add(id);
                }
                return written;
            }));
        }
        List<String> expected = new ArrayList<>();
        for (Future<List<String>> written : callersWrites) {
            expected.addAll(written.get(60, TimeUnit.SECONDS));
        }

        assertThat(committed()).hasSize(1_600).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aWriteThatLostALockConflictRunsAgainAndItsCallerGetsTheOutcomeOfTheRunThatWon() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        String writtenBy = writes.run(connection -> {
            if (runs.incrementAndGet() <= 2) {
                throw new SQLException("deadlock with another instance's batch", "40P01");
            }
            return insert(connection, "third-run");
        });

        assertThat(writtenBy).isNotBlank();
        assertThat(runs).hasValue(3);
        assertThat(committed()).containsExactly("third-run");
    }

    @Test
    void aWriteLosingEveryConflictEndsWithTheConflictAfterTenRunsAgain() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> writes.run(connection -> {
            runs.incrementAndGet();
            throw new SQLException("lock timeout", "HYT00");
        })).isInstanceOfSatisfying(SQLException.class, failure -> assertThat(failure.getSQLState()).isEqualTo("HYT00"));
        assertThat(runs).hasValue(11);
    }

    @Test
    void aFailureWithoutAnSqlStateReachesItsCallerAndLaterWritesGoOn() throws Exception {
        Future<String> failing = callers.submit(() -> writes.run(connection -> {
            throw new SQLException("a driver's failure without a state");
        }));

        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class)
                .hasMessageContaining("without a state");
        writes.run(connection -> insert(connection, "after"));
        assertThat(committed()).containsExactly("after");
    }

    @Test
    void anErrorInAWorkUndoesItsOwnWriteOnlyAndLaterWritesGoOn() throws Exception {
        Future<String> failing = callers.submit(() -> writes.run(connection -> {
            insert(connection, "before-the-error");
            throw new AssertionError("a defect");
        }));

        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(SQLException.class)
                .hasCauseInstanceOf(AssertionError.class);
        writes.run(connection -> insert(connection, "after"));

        assertThat(committed()).containsExactly("after");
    }

    @Test
    void aCommitTheDatabaseRefusesForAConflictRunsTheBatchAgain() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        GroupCommit refusingFirst = new GroupCommit(intercepting((method, connection) -> {
            if (method.equals("commit") && commits.incrementAndGet() == 1) {
                throw new SQLException("could not serialize access", "40001");
            }
        }));
        AtomicInteger runs = new AtomicInteger();

        String writtenBy = refusingFirst.run(connection -> {
            runs.incrementAndGet();
            return insert(connection, "second-batch");
        });

        assertThat(writtenBy).isNotBlank();
        assertThat(runs).hasValue(2);
        assertThat(committed()).containsExactly("second-batch");
    }

    @Test
    void aFailureClosingTheConnectionAfterTheCommitFailsNoWrite() throws Exception {
        GroupCommit failingClose = new GroupCommit(intercepting((method, connection) -> {
            if (method.equals("close")) {
                connection.close();
                throw new SQLException("connection reset", "08006");
            }
        }));

        String writtenBy = failingClose.run(connection -> insert(connection, "committed"));

        assertThat(writtenBy).isNotBlank();
        assertThat(committed()).containsExactly("committed");
    }

    @Test
    void anInterruptedCallerLeavesItsWriteToBeCommittedAndTheDatabaseUsable() throws Exception {
        Thread.currentThread().interrupt();
        try {
            writes.run(connection -> insert(connection, "while-interrupted"));
        } catch (SQLException interrupted) {
            assertThat(interrupted.getMessage()).contains("interrupted");
        } finally {
            Thread.interrupted();
        }

        // Committed by the journal's own thread, which nothing interrupts (H2 closes its file when one is).
        writes.run(connection -> insert(connection, "after"));
        assertThat(committed()).containsExactlyInAnyOrder("while-interrupted", "after");
    }

    @FunctionalInterface
    private interface BeforeCall {
        void accept(String method, Connection connection) throws SQLException;
    }

    /** The test's database, with a say before each call made on its connections. */
    private DataSource intercepting(BeforeCall before) {
        InvocationHandler source = (proxy, method, arguments) -> {
            if (!method.getName().equals("getConnection")) {
                return method.invoke(dataSource, arguments);
            }
            Connection real = dataSource.getConnection();
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (connection, call, callArguments) -> {
                        before.accept(call.getName(), real);
                        try {
                            return call.invoke(real, callArguments);
                        } catch (InvocationTargetException failed) {
                            throw failed.getCause();
                        }
                    });
        };
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                source);
    }

    private static String insert(Connection connection, String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO entry (id, written_by) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, Thread.currentThread().getName());
            insert.executeUpdate();
        }
        return Thread.currentThread().getName();
    }

    private List<String> committed() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM entry")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Until that many callers wait for their commit, so they all arrived during the commit in progress. */
    private static void awaitAllWaiting(Set<Thread> waiters, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiters.size() < count
                || waiters.stream().anyMatch(thread -> thread.getState() != Thread.State.WAITING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the callers did not all wait");
            }
            Thread.sleep(10);
        }
    }
}
