package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** European exports: {@code cancel.file.delimiter=;} for the input and the results file. */
@QuarkusTest
@TestProfile(SemicolonInboxTest.Semicolons.class)
class SemicolonInboxTest {

    public static class Semicolons implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cancel.file.delimiter", ";");
        }
    }

    @Test
    void semicolonSeparatedFilesAreReadAndAnsweredWithSemicolons() throws IOException {
        String name = unique("eu-") + ".csv";
        String k = unique("k");
        Inbox.drop(name, "reference;provider;reason\n" + k + ";kwikpaisa;Kunde, storniert\n");

        List<CSVRecord> results = Inbox.awaitResults(name, ';', new ArrayList<>());

        assertThat(results).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("CANCELLED");
            assertThat(row.get("reason")).isEqualTo("Kunde, storniert");
        });
    }
}
