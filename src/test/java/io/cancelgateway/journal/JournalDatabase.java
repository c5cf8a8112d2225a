package io.cancelgateway.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** An H2 file database in a test's directory, migrated by the service's Flyway scripts, open until closed. */
public final class JournalDatabase implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepOpen;

    public JournalDatabase(Path directory) throws SQLException {
        this(directory, "");
    }

    /** @param settings appended to the database's URL, as {@code ;NAME=value} pairs */
    public JournalDatabase(Path directory, String settings) throws SQLException {
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("journal") + settings);
        dataSource.setUser("sa");
        // H2 closes a database with its last connection; one held open keeps it for the whole test.
        keepOpen = dataSource.getConnection();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        keepOpen.close();
    }
}
