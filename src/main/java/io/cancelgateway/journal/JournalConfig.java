package io.cancelgateway.journal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The journal: {@code cancel.journal.*}. */
@ConfigMapping(prefix = "cancel.journal")
public interface JournalConfig {

    /** Requests received longer ago than this are purged. */
    @WithDefault("90d")
    Duration retention();

    /** How often the retention job runs. */
    @WithDefault("24h")
    Duration purgeInterval();

    /**
     * Under load, how long a journal write may wait for others to share its commit (a quiet service never waits): a
     * little latency per cancel for a fraction of the commits' CPU. 0 commits every batch at once.
     */
    @WithDefault("5ms")
    Duration commitLinger();
}
