package io.cancelgateway.journal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Duplicates of a request: {@code cancel.idempotency.*}. */
@ConfigMapping(prefix = "cancel.idempotency")
public interface IdempotencyConfig {

    /** How long a duplicate waits for the run in progress before answering "in progress". */
    @WithName("wait")
    Duration waitTimeout();

    /** An in-progress claim older than this belongs to a crashed run and may be taken over. */
    Duration staleAfter();
}
