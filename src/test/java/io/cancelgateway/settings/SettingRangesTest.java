package io.cancelgateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A setting outside its range stops the service, naming the property, its value and the range. */
class SettingRangesTest {

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', value = {
            "cancel.sync.poll-interval | 0s | cancel.sync.poll-interval must be longer than 0, was PT0S",
            "cancel.sync.poll-interval | -5s | cancel.sync.poll-interval must be longer than 0, was PT-5S",
            "cancel.journal.retention | -1d | cancel.journal.retention must be longer than 0, was PT-24H",
            "cancel.journal.compact-interval | 0s | cancel.journal.compact-interval must be longer than 0, was PT0S",
            "cancel.journal.purge-interval | 0s | cancel.journal.purge-interval must be longer than 0, was PT0S",
            "cancel.file.concurrency | 0 | cancel.file.concurrency must be at least 1, was 0",
            "cancel.sync.concurrency | -1 | cancel.sync.concurrency must be at least 1, was -1",
            "cancel.api.max-body-bytes | -1 | cancel.api.max-body-bytes must be at least 1, was -1",
            "cancel.file.max-line-bytes | 0 | cancel.file.max-line-bytes must be at least 1, was 0",
            "cancel.jms.max-message-bytes | 0 | cancel.jms.max-message-bytes must be at least 1, was 0",
            "cancel.jms.max-stored-message-bytes | 0 | cancel.jms.max-stored-message-bytes must be at least 1, was 0",
            "cancel.jms.max-delivery-attempts | 0 | cancel.jms.max-delivery-attempts must be at least 1, was 0",
            "cancel.retry.max-attempts | 0 | cancel.retry.max-attempts must be at least 1, was 0",
            "cancel.retry.initial-backoff | -1s | cancel.retry.initial-backoff must not be negative, was PT-1S",
            "cancel.file.settle | -1s | cancel.file.settle must not be negative, was PT-1S",
            "cancel.idempotency.stale-after | 0s | cancel.idempotency.stale-after must be longer than 0, was PT0S",
            "cancel.auth-failures.limit | 0 | cancel.auth-failures.limit must be at least 1, was 0",
            "cancel.jms.redelivery-multiplier | 0.5 | cancel.jms.redelivery-multiplier must be at least 1, was 0.5",
            "cancel.jms.redelivery-multiplier | -2 | cancel.jms.redelivery-multiplier must be at least 1, was -2.0",
            "cancel.simulator.latency-ms | -20 | cancel.simulator.latency-ms must not be negative, was -20",
            "cancel.simulator.pending-delay | -1s | cancel.simulator.pending-delay must not be negative, was PT-1S",
    })
    void aSettingOutsideItsRangeIsRefused(String property, String value, String refusal) {
        assertThatThrownBy(() -> SettingRanges.check(config(Map.of(property, value))))
                .isInstanceOf(IllegalStateException.class).hasMessage(refusal);
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', value = {
            "cancel.file.settle | 0s",
            "cancel.idempotency.wait | 0s",
            "cancel.retry.initial-backoff | 0s",
            "cancel.sync.first-delay | 0s",
            "cancel.sync.poll-interval | 1ms",
            "cancel.file.concurrency | 1",
            "cancel.jms.redelivery-multiplier | 1",
            "cancel.jms.redelivery-multiplier | 1.5",
            "cancel.simulator.latency-ms | 0",
    })
    void zeroIsAcceptedWhereItMeansNoWaitAndOneWhereItIsTheLeast(String property, String value) {
        assertThatCode(() -> SettingRanges.check(config(Map.of(property, value)))).doesNotThrowAnyException();
    }

    @Test
    void theShippedSettingsAreWithinTheirRangesInEveryProfile() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = SettingRanges.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        for (String profile : new String[] { "", "%dev.", "%test." }) {
            Map<String, String> values = new HashMap<>();
            for (SettingRanges.Setting setting : SettingRanges.CHECKED) {
                String value = shipped.getProperty(profile + setting.property(),
                        shipped.getProperty(setting.property()));
                if (value != null && !value.contains("${")) {
                    values.put(setting.property(), value);
                }
            }
            assertThat(values).as("settings of the profile %s", profile).isNotEmpty();
            assertThatCode(() -> SettingRanges.check(config(values))).as(profile).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', value = {
            "connect-timeout | 0s | cancel.providers.kwikpaisa.connect-timeout must be longer than 0, was PT0S",
            "read-timeout | 0s | cancel.providers.kwikpaisa.read-timeout must be longer than 0, was PT0S",
            "deadline | 0s | cancel.providers.kwikpaisa.deadline must be longer than 0, was PT0S",
            "circuit-breaker.open-for | 0s | cancel.providers.kwikpaisa.circuit-breaker.open-for must be longer than 0, was PT0S",
            "max-queue-wait | -1s | cancel.providers.kwikpaisa.max-queue-wait must not be negative, was PT-1S",
            "max-concurrent-calls | 0 | cancel.providers.kwikpaisa.max-concurrent-calls must be at least 1, was 0",
    })
    void aProvidersTimeThatWouldMeanNoLimitOrNoCallIsRefused(String key, String value, String refusal) {
        String prefix = "cancel.providers.kwikpaisa.";
        Config config = config(Map.of(prefix + "base-url", "http://127.0.0.1:1", prefix + key, value));
        assertThatThrownBy(() -> new ProviderSettings(Provider.KWIKPAISA, config))
                .isInstanceOf(IllegalStateException.class).hasMessage(refusal);
    }

    private static Config config(Map<String, String> properties) {
        // Durations as the service reads them ("2s", "90d"), with Quarkus's converter.
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter()).build();
    }
}
