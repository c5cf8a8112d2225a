package io.cancelgateway.client;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Failed authentications, {@code cancel.auth-failures.*}: how many from one address refuse it, and for how long. */
@ConfigMapping(prefix = "cancel.auth-failures")
public interface AuthFailuresConfig {

    /** Failures from one address within the window that get it refused. */
    @WithDefault("20")
    int limit();

    @WithDefault("1m")
    Duration window();

    /** How long an address is refused once it reached the limit. */
    @WithDefault("5m")
    Duration blockFor();
}
