package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkSettingsTest {

    @Test
    void defaultsAreTheIssuesFigures() {
        BenchmarkSettings settings = BenchmarkSettings.parse();

        assertThat(settings.requests()).isEqualTo(20_000);
        assertThat(settings.concurrency()).isEqualTo(64);
        assertThat(settings.latencyMs()).isEqualTo(20);
        assertThat(settings.fileRows()).isEqualTo(100_000);
        assertThat(settings.fileConcurrency()).isEqualTo(64);
        assertThat(settings.jmsRequests()).isEqualTo(20_000);
        assertThat(settings.largeFileRows()).isEqualTo(1_000_000);
        assertThat(settings.largeFile()).isTrue();
        assertThat(settings.jmsUrl()).isEqualTo("tcp://localhost:61616");
        assertThat(settings.jvmOptions()).isEmpty();
        assertThat(settings.resultsDir()).isEqualTo(Path.of("bench", "results"));
        assertThat(settings.warmUpRequests()).isEqualTo(2_000);
    }

    @Test
    void quickIsSmallAndExplicitFiguresStillWin() {
        BenchmarkSettings settings = BenchmarkSettings.parse("--requests", "500", "--quick");

        assertThat(settings.quick()).isTrue();
        assertThat(settings.requests()).isEqualTo(500);
        assertThat(settings.fileRows()).isEqualTo(5_000);
        assertThat(settings.largeFileRows()).isEqualTo(20_000);
        assertThat(settings.warmUpRequests()).isEqualTo(100);
    }

    @Test
    void everyParameter() {
        BenchmarkSettings settings = BenchmarkSettings.parse("--requests", "1,000", "--concurrency", "32",
                "--latency-ms", "0", "--file-rows", "10_000", "--file-concurrency", "16", "--jms-requests", "300",
                "--skip-large-file", "--jms-url", "tcp://localhost:61699", "--jms-user", "u", "--jms-password", "p",
                "--jvm-options", " -Xmx512m  -XX:+UseSerialGC ", "--profile", "--results", "target/r",
                "--quiet-requests", "400", "--journal-url", "jdbc:postgresql://db/bench?password=secret",
                "--journal-user", "bench", "--journal-password", "pw");

        assertThat(settings).isEqualTo(new BenchmarkSettings(false, 1_000, 32, 0, 10_000, 16, 300, 0,
                "tcp://localhost:61699", "u", "p", 400, "jdbc:postgresql://db/bench?password=secret", "bench", "pw",
                List.of("-Xmx512m", "-XX:+UseSerialGC"), true, Path.of("target/r")));
        assertThat(settings.journal()).isEqualTo("jdbc:postgresql://db/bench?password=…");
        assertThat(BenchmarkSettings.parse().journal()).isEqualTo("embedded H2 (the default)");
        assertThat(settings.largeFile()).isFalse();
    }

    @Test
    void wrongUsageIsRefusedWithTheReason() {
        assertThatThrownBy(() -> BenchmarkSettings.parse("--requests")).hasMessageStartingWith("--requests needs a value");
        assertThatThrownBy(() -> BenchmarkSettings.parse("--requests", "many"))
                .hasMessage("--requests needs a whole number, not many");
        assertThatThrownBy(() -> BenchmarkSettings.parse("--concurrency", "0"))
                .hasMessage("--concurrency must be above 0, not 0");
        assertThatThrownBy(() -> BenchmarkSettings.parse("--latency-ms", "-1"))
                .hasMessage("--latency-ms must not be negative, not -1");
        assertThatThrownBy(() -> BenchmarkSettings.parse("--fast")).hasMessageStartingWith("unknown option --fast");
    }
}
