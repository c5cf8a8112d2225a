package io.cancelgateway.e2e;

import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;

import io.cancelgateway.journal.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@link JournalRestTest} on PostgreSQL, through the standard datasource properties only. */
@QuarkusTest
@TestProfile(JournalRestPostgresTest.OnPostgres.class)
@ExtendWith(TestPostgres.class)
class JournalRestPostgresTest extends JournalRestTest {

    @Override
    boolean holdsJournalFile() {
        return false;
    }

    public static class OnPostgres implements QuarkusTestProfile {

        private final String schema = TestPostgres.newSchema();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", TestPostgres.urlFor(schema),
                    "quarkus.datasource.username", TestPostgres.USER,
                    "quarkus.flyway.schemas", schema);
        }
    }
}
