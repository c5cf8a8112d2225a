package io.cancelgateway.journal;

import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
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

    @Override
    void dropDatabase() throws Exception {
        keepOpen.close();
    }
}
