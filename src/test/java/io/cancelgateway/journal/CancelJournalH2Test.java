package io.cancelgateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    void aPollForDueChecksReadsTheDueOnesNotEveryResultNeverFollowed() throws Exception {
        OffsetDateTime received = OffsetDateTime.ofInstant(START, ZoneOffset.UTC);
        try (Connection connection = dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO cancel_request (request_id, "
                        + "channel, request_json, state, owner, received_at, claimed_at, next_check_at) "
                        + "VALUES (?, 'rest', '{}', 'DONE', 'test', ?, ?, ?)")) {
            for (int i = 0; i < 5_000; i++) {
                insert.setString(1, "final-" + i);
                insert.setObject(2, received);
                insert.setObject(3, received);
                insert.setObject(4, i % 1_000 == 0 ? received : null);
                insert.addBatch();
            }
            insert.executeBatch();

            PreparedStatement plan = connection.prepareStatement("EXPLAIN ANALYZE "
                    + CancelJournal.DUE_CANDIDATES + "16");
            plan.setObject(1, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC));
            plan.setObject(2, received.plusMinutes(1));
            plan.setObject(3, received.plusMinutes(1));
            try (ResultSet rs = plan.executeQuery()) {
                rs.next();
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(rs.getString(1));
                assertThat(scanned.find()).as(rs.getString(1)).isTrue();
                // The 5 due rows and the end of the range; without the lower bound, all 5,000.
                assertThat(Integer.parseInt(scanned.group(1))).isLessThanOrEqualTo(6);
            }
            PreparedStatement due = connection.prepareStatement(CancelJournal.DUE_CANDIDATES + "16");
            due.setObject(1, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC));
            due.setObject(2, received.plusMinutes(1));
            due.setObject(3, received.plusMinutes(1));
            int found = 0;
            try (ResultSet rs = due.executeQuery()) {
                while (rs.next()) {
                    found++;
                }
            }
            assertThat(found).isEqualTo(5);
        }
    }

    @Override
    void dropDatabase() throws Exception {
        keepOpen.close();
    }
}
