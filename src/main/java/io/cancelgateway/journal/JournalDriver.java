package io.cancelgateway.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver of the journal's datasource. Quarkus fixes a datasource's driver at build time, so this one picks the
 * real driver from the URL: the same build then runs on the embedded H2 file database or on PostgreSQL through the
 * standard {@code quarkus.datasource.jdbc.url}, with no rebuild.
 */
public class JournalDriver implements Driver {

    private static final String H2_FILE = "jdbc:h2:file:";

    private final Driver h2 = new org.h2.Driver();
    private final Driver postgresql = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return driverFor(url).connect(resolveH2Path(url), info);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"));
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return driverFor(url).getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    /**
     * H2 refuses file paths implicitly relative to the working directory, and {@code cancel.data-dir} defaults to one:
     * such a path is resolved against the working directory, as every other path under the data directory is.
     */
    static String resolveH2Path(String url) {
        if (url == null || !url.startsWith(H2_FILE)) {
            return url;
        }
        String rest = url.substring(H2_FILE.length());
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        if (path.startsWith("~") || path.startsWith("./") || path.startsWith("../") || Path.of(path).isAbsolute()) {
            return url;
        }
        return H2_FILE + Path.of(path).toAbsolutePath() + (settings < 0 ? "" : rest.substring(settings));
    }

    private Driver driverFor(String url) throws SQLException {
        if (url != null && url.startsWith("jdbc:h2:")) {
            return h2;
        }
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return postgresql;
        }
        throw new SQLException("quarkus.datasource.jdbc.url must be an H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:) "
                + "URL, was " + url);
    }
}
