package io.cancelgateway.journal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The journal: {@code cancel.journal.*}. */
@ConfigMapping(prefix = "cancel.journal")
public interface JournalConfig {

    /** Requests received longer ago than this are purged. */
    Duration retention();

    /** How often the retention job runs. */
    Duration purgeInterval();

    /** How often the embedded H2 journal's file is synced and compacted; H2 reuses dead space after four of these. */
    Duration compactInterval();
}
