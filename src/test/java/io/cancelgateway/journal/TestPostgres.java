package io.cancelgateway.journal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server tests run against: 127.0.0.1:5432, database {@code test}, trust authentication (override with
 * CANCEL_TEST_PG_URL / CANCEL_TEST_PG_USER). Tests needing it are skipped with a message when it is unreachable, except
 * on CI ({@code CI=true}), where its absence fails them.
 */
public final class TestPostgres implements ExecutionCondition {

    public static final String URL = System.getenv().getOrDefault("CANCEL_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("CANCEL_TEST_PG_USER", "postgres");

    /** A new schema name, so runs never see each other's rows (Flyway creates it: set it as Flyway's schema). */
    public static String newSchema() {
        return "cg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The server's URL with the given schema as the connection's current schema. */
    public static String urlFor(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
            return true;
        } catch (SQLException unreachable) {
            return false;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL + " and CI=true: .ci/run must "
                    + "start it");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + URL + ": start it with "
                + "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' to run these tests");
    }
}
