package io.cancelgateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalConnectionErrorsTest {

    @ParameterizedTest(name = "[{index}] {0} {1}: {2}")
    @CsvSource({
            "08006, 0,     true",   // PostgreSQL: connection failure
            "57P01, 0,     true",   // PostgreSQL: terminated by an administrator (a restart)
            "23505, 0,     false",  // a duplicate key: the connection is fine
            "40P01, 0,     false",  // a deadlock: the connection is fine
            "90098, 90098, true",   // H2: the database has been closed
            "HY000, 50000, true",   // H2: general error (a full disk)
            "08000, 90028, true",   // H2: I/O exception
            "23505, 23505, false",  // H2: a duplicate key
            "HYT00, 50200, false",  // H2: lock timeout
    })
    void closesOnlyConnectionsAnErrorLeftUnusable(String sqlState, int errorCode, boolean fatal) {
        assertThat(JournalConnectionErrors.fatal(new SQLException("failure", sqlState, errorCode))).isEqualTo(fatal);
    }
}
