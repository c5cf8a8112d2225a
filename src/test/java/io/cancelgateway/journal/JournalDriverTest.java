package io.cancelgateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalDriverTest {

    @Test
    void aRelativeH2FilePathIsMadeAbsolute() {
        assertThat(JournalDriver.resolveH2Path("jdbc:h2:file:data/db/journal"))
                .isEqualTo("jdbc:h2:file:" + Path.of("data/db/journal").toAbsolutePath());
    }

    @Test
    void theSettingsAfterTheRelativePathAreKept() {
        assertThat(JournalDriver.resolveH2Path("jdbc:h2:file:data/db/journal;DB_CLOSE_ON_EXIT=FALSE;MODE=Regular"))
                .isEqualTo("jdbc:h2:file:" + Path.of("data/db/journal").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;MODE=Regular");
    }

    @Test
    void aHiddenRelativeDirectoryIsMadeAbsoluteToo() {
        // H2 refuses ".cancel/db" as implicitly relative: only "./" and "../" are explicit.
        assertThat(JournalDriver.resolveH2Path("jdbc:h2:file:.cancel/db/journal;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:" + Path.of(".cancel/db/journal").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:h2:file:./data/db/journal",
            "jdbc:h2:file:./data/db/journal;DB_CLOSE_ON_EXIT=FALSE",
            "jdbc:h2:file:../data/db/journal",
            "jdbc:h2:file:~/cancel/journal",
            "jdbc:h2:file:/var/lib/cancel/db/journal;DB_CLOSE_ON_EXIT=FALSE",
            "jdbc:h2:mem:journal;DB_CLOSE_DELAY=-1",
            "jdbc:h2:tcp://localhost/~/journal",
            "jdbc:postgresql://db:5432/cancel?currentSchema=journal" })
    void otherUrlsAreLeftAsTheyAre(String url) {
        assertThat(JournalDriver.resolveH2Path(url)).isEqualTo(url);
    }

    @Test
    void noUrlStaysNoUrl() {
        assertThat(JournalDriver.resolveH2Path(null)).isNull();
    }

    @Test
    void onlyH2AndPostgresqlUrlsAreAccepted() {
        JournalDriver driver = new JournalDriver();

        assertThat(driver.acceptsURL("jdbc:h2:file:data/db/journal")).isTrue();
        assertThat(driver.acceptsURL("jdbc:postgresql://db:5432/cancel")).isTrue();
        assertThat(driver.acceptsURL("jdbc:mysql://db:3306/cancel")).isFalse();
        assertThat(driver.acceptsURL(null)).isFalse();
    }

    @Test
    void anUnsupportedUrlFailsNamingTheSettingToFix() {
        JournalDriver driver = new JournalDriver();

        assertThatThrownBy(() -> driver.connect("jdbc:mysql://db:3306/cancel", new Properties()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quarkus.datasource.jdbc.url")
                .hasMessageContaining("jdbc:mysql://db:3306/cancel");
        assertThatThrownBy(() -> driver.getPropertyInfo("jdbc:oracle:thin:@db", new Properties()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("quarkus.datasource.jdbc.url");
    }

    @Test
    void aRelativeH2FileDatabaseOpensUnderTheWorkingDirectory() throws SQLException, IOException {
        Path relative = Path.of("target", "journal-driver-" + UUID.randomUUID(), "db", "journal");
        Properties user = new Properties();
        user.setProperty("user", "sa");
        try (Connection connection = new JournalDriver().connect("jdbc:h2:file:" + relative, user);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try {
            assertThat(relative.resolveSibling("journal.mv.db").toAbsolutePath()).exists();
        } finally {
            try (Stream<Path> files = Files.walk(relative.getParent().getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
