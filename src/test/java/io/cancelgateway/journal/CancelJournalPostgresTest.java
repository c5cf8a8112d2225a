package io.cancelgateway.journal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** The journal on PostgreSQL, each test in a schema of its own. */
@ExtendWith(TestPostgres.class)
class CancelJournalPostgresTest extends CancelJournalContract {

    private String schema;

    @Override
    void createDatabase() {
        schema = TestPostgres.newSchema();
    }

    @Override
    FluentConfiguration migration(FluentConfiguration flyway) {
        return flyway.schemas(schema);
    }

    @Override
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestPostgres.urlFor(schema));
        dataSource.setUser(TestPostgres.USER);
        return dataSource;
    }

    @Override
    void dropDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
