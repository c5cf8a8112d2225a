package io.cancelgateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on an H2 file database, as the service runs by default. */
class CancelJournalH2Test extends CancelJournalContract {

    @TempDir
    Path directory;

    private String url;
    private Connection keepOpen;

    @Override
    void createDatabase() throws Exception {
        url = "jdbc:h2:file:" + directory.resolve("journal");
        // H2 closes a database with its last connection; one held open keeps it for the whole test.
        keepOpen = dataSource().getConnection();
    }

    @Override
    DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    @Test
    void aPollForDueChecksReadsTheProvidersDueOnesNotEveryResultNeverFollowedNorTheOtherProviders() throws Exception {
        OffsetDateTime received = OffsetDateTime.ofInstant(START, ZoneOffset.UTC);
        try (Connection connection = dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO cancel_request (request_id, "
                        + "channel, provider, request_json, state, owner, received_at, claimed_at, next_check_at) "
                        + "VALUES (?, 'rest', ?, '{}', 'DONE', 'test', ?, ?, ?)")) {
            // Of 5,000 results at Hyperswitch 5 are due; 2,000 at KwikPaisa are all due, and older.
            for (int i = 0; i < 7_000; i++) {
                boolean hyperswitch = i < 5_000;
                insert.setString(1, "final-" + i);
                insert.setString(2, hyperswitch ? "hyperswitch" : "kwikpaisa");
                insert.setObject(3, received);
                insert.setObject(4, received);
                insert.setObject(5, !hyperswitch ? received.minusHours(1) : i % 1_000 == 0 ? received : null);
                insert.addBatch();
            }
            insert.executeBatch();

            PreparedStatement plan = connection.prepareStatement("EXPLAIN ANALYZE " + CancelJournal.dueCandidates(16));
            bindDue(plan, "hyperswitch", received.plusMinutes(1));
            try (ResultSet rs = plan.executeQuery()) {
                rs.next();
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(rs.getString(1));
                assertThat(scanned.find()).as(rs.getString(1)).isTrue();
                // The 5 due rows and the end of the range; without the lower bound, all 5,000.
                assertThat(Integer.parseInt(scanned.group(1))).isLessThanOrEqualTo(6);
            }
            // A provider with 2,000 due: the first 16 in the index's order, not all of them read and sorted.
            PreparedStatement backlog = connection.prepareStatement("EXPLAIN ANALYZE "
                    + CancelJournal.dueCandidates(16));
            bindDue(backlog, "kwikpaisa", received.plusMinutes(1));
            try (ResultSet rs = backlog.executeQuery()) {
                rs.next();
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(rs.getString(1));
                assertThat(scanned.find()).as(rs.getString(1)).isTrue();
                assertThat(Integer.parseInt(scanned.group(1))).as(rs.getString(1)).isLessThanOrEqualTo(17);
            }
            PreparedStatement due = connection.prepareStatement(CancelJournal.dueCandidates(16));
            bindDue(due, "hyperswitch", received.plusMinutes(1));
            List<String> found = new ArrayList<>();
            try (ResultSet rs = due.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            assertThat(found).containsExactlyInAnyOrder("final-0", "final-1000", "final-2000", "final-3000",
                    "final-4000");
        }
    }

    private static void bindDue(PreparedStatement query, String provider, OffsetDateTime now) throws SQLException {
        query.setString(1, provider);
        query.setObject(2, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC));
        query.setObject(3, now);
        query.setObject(4, now);
    }

    @Test
    void aPageOfResultsReadsItsRowsNotEveryResultOfTheClient() throws Exception {
        OffsetDateTime first = OffsetDateTime.ofInstant(START, ZoneOffset.UTC);
        try (Connection connection = dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cancel_request (request_id, "
                    + "channel, request_json, state, owner, received_at, claimed_at, client, result_json) "
                    + "VALUES (?, 'rest', '{}', 'DONE', 'test', ?, ?, ?, '{}')")) {
                for (int i = 0; i < 5_000; i++) {
                    for (String client : List.of("acme", "other")) {
                        insert.setString(1, client + "/req-" + i);
                        insert.setObject(2, first.plusSeconds(i));
                        insert.setObject(3, first.plusSeconds(i));
                        insert.setString(4, client);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            String middle = new CancelJournal.Cursor(first.plusSeconds(2_500).toInstant(), "acme/req-2500").encode();

            for (String cursor : Arrays.asList(null, middle)) {
                CancelJournal.ListStatement page = CancelJournal.ListStatement.of(new JournalQuery("acme", null, null,
                        null, null, null, null, null, null, 50, cursor));
                PreparedStatement plan = connection.prepareStatement("EXPLAIN ANALYZE " + page.sql());
                for (int i = 0; i < page.values().size(); i++) {
                    plan.setObject(i + 1, page.values().get(i));
                }
                try (ResultSet rs = plan.executeQuery()) {
                    rs.next();
                    String explained = rs.getString(1);
                    Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(explained);
                    assertThat(scanned.find()).as(explained).isTrue();
                    // The page's 51 rows (one to tell whether there is more) and where the range ends; without the
                    // descending index all 5,000 of the client's, sorted.
                    assertThat(Integer.parseInt(scanned.group(1))).as(explained).isLessThanOrEqualTo(53);
                    assertThat(explained).contains("index sorted");
                }
            }
        }
        JournalPage newest = journal.list(new JournalQuery("acme", null, null, null, null, null, null, null, null, 50,
                null));
        assertThat(newest.items()).hasSize(50);
        assertThat(newest.next()).isNotNull();
    }

    @Override
    void dropDatabase() throws Exception {
        keepOpen.close();
    }
}
