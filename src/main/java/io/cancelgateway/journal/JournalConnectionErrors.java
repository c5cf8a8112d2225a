package io.cancelgateway.journal;

import java.sql.SQLException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.quarkus.agroal.runtime.AgroalConnectionConfigurer;
import io.quarkus.agroal.runtime.JdbcDriver;
import io.quarkus.arc.Unremovable;

/**
 * Tells the connection pool which errors leave a journal connection unusable, so that it is closed instead of being
 * handed out again: a connection exception (SQLState class 08) or a server shut down or restarting (57P), and H2's
 * closed database, I/O and general errors (what a full disk brings). The journal's datasource kind is {@code other} (its driver picks H2 or
 * PostgreSQL from the URL), for which Quarkus knows no such list.
 */
@JdbcDriver("other")
@Unremovable
@ApplicationScoped
public class JournalConnectionErrors implements AgroalConnectionConfigurer {

    /** H2: general error, I/O (two), file corrupted, database closed, called at shutdown, connection broken. */
    private static final Set<Integer> H2_FATAL = Set.of(50000, 90028, 90031, 90030, 90098, 90121, 90067);

    @Override
    public void setExceptionSorter(String databaseKind, AgroalDataSourceConfigurationSupplier dataSource) {
        dataSource.connectionPoolConfiguration(pool -> pool.exceptionSorter(JournalConnectionErrors::fatal));
    }

    static boolean fatal(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"))
                || H2_FATAL.contains(failure.getErrorCode());
    }
}
