package io.cancelgateway.settings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.Startup;

/**
 * The service's numeric settings that have a range, checked at start: one outside it stops the service with a message
 * naming the property, instead of a service that starts and misbehaves (a poll interval of zero, which Camel's timer
 * runs once and never again; a retention below zero, which purges every result at once; a negative backoff, which
 * fails every retry). The providers' settings are checked with the same ranges where the rest of their configuration
 * is read ({@code ProviderSettings}).
 */
@Startup
@ApplicationScoped
public class SettingRanges {

    /** A setting's range; the providers' settings, whose names are made per provider, are checked with it too. */
    public enum Range {
        /** Zero is meaningful: no wait, no delay. */
        NOT_NEGATIVE,
        /** Zero would disable the thing or refuse all work. */
        POSITIVE,
        /** A factor: below 1 it would shrink what it multiplies. */
        AT_LEAST_ONE;

        /**
         * @return the value, a {@link Duration} or a number
         * @throws IllegalStateException naming the property, its value and the range when the value is outside it
         */
        public <T> T check(String property, T value) {
            double compared = value instanceof Duration duration ? duration.compareTo(Duration.ZERO)
                    : ((Number) value).doubleValue();
            boolean within = switch (this) {
                case NOT_NEGATIVE -> compared >= 0;
                case POSITIVE -> compared > 0;
                case AT_LEAST_ONE -> compared >= 1;
            };
            if (!within) {
                throw new IllegalStateException(property + " must " + wording(value) + ", was " + value);
            }
            return value;
        }

        private String wording(Object value) {
            return switch (this) {
                case NOT_NEGATIVE -> "not be negative";
                case POSITIVE -> value instanceof Duration ? "be longer than 0"
                        : value instanceof Double ? "be greater than 0" : "be at least 1";
                case AT_LEAST_ONE -> "be at least 1";
            };
        }
    }

    record Setting(String property, Class<?> type, Range range) {
    }

    static final List<Setting> CHECKED = List.of(
            new Setting("cancel.api.max-body-bytes", Integer.class, Range.POSITIVE),
            new Setting("cancel.auth-failures.limit", Integer.class, Range.POSITIVE),
            new Setting("cancel.auth-failures.window", Duration.class, Range.POSITIVE),
            new Setting("cancel.auth-failures.block-for", Duration.class, Range.POSITIVE),
            new Setting("cancel.file.settle", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.file.concurrency", Integer.class, Range.POSITIVE),
            new Setting("cancel.file.max-line-bytes", Integer.class, Range.POSITIVE),
            new Setting("cancel.idempotency.wait", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.idempotency.stale-after", Duration.class, Range.POSITIVE),
            new Setting("cancel.jms.max-message-bytes", Integer.class, Range.POSITIVE),
            new Setting("cancel.jms.max-stored-message-bytes", Long.class, Range.POSITIVE),
            new Setting("cancel.jms.redelivery-delay", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.jms.max-redelivery-delay", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.jms.max-delivery-attempts", Integer.class, Range.POSITIVE),
            new Setting("cancel.jms.redelivery-multiplier", Double.class, Range.AT_LEAST_ONE),
            new Setting("cancel.journal.retention", Duration.class, Range.POSITIVE),
            new Setting("cancel.journal.purge-interval", Duration.class, Range.POSITIVE),
            new Setting("cancel.journal.compact-interval", Duration.class, Range.POSITIVE),
            new Setting("cancel.retry.max-attempts", Integer.class, Range.POSITIVE),
            new Setting("cancel.retry.initial-backoff", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.retry.max-backoff", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.retry.retry-after-cap", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.simulator.latency-ms", Long.class, Range.NOT_NEGATIVE),
            new Setting("cancel.simulator.slow-ms", Long.class, Range.NOT_NEGATIVE),
            new Setting("cancel.simulator.max-targets", Integer.class, Range.POSITIVE),
            new Setting("cancel.simulator.payout-cancel-delay", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.simulator.pending-delay", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.sync.first-delay", Duration.class, Range.NOT_NEGATIVE),
            new Setting("cancel.sync.max-interval", Duration.class, Range.POSITIVE),
            new Setting("cancel.sync.deadline", Duration.class, Range.POSITIVE),
            new Setting("cancel.sync.concurrency", Integer.class, Range.POSITIVE),
            new Setting("cancel.sync.poll-interval", Duration.class, Range.POSITIVE),
            new Setting("cancel.sync.lease", Duration.class, Range.POSITIVE),
            new Setting("cancel.sync.asked-min-interval", Duration.class, Range.NOT_NEGATIVE));

    public SettingRanges(Config config) {
        check(config);
    }

    /** @throws IllegalStateException naming the first setting outside its range, its value and the range */
    static void check(Config config) {
        for (Setting setting : CHECKED) {
            Optional<?> value = config.getOptionalValue(setting.property(), setting.type());
            value.ifPresent(set -> setting.range().check(setting.property(), set));
        }
    }
}
