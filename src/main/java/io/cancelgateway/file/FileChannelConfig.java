package io.cancelgateway.file;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The CSV inbox channel: {@code cancel.file.*}. */
@ConfigMapping(prefix = "cancel.file")
public interface FileChannelConfig {

    /** Where ERP files are dropped. */
    @WithDefault("${cancel.data-dir}/inbox")
    String inbox();

    /** Where results files are written. */
    @WithDefault("${cancel.data-dir}/outbox")
    String outbox();

    /** {@code ,} by default; {@code ;} for European exports. Used for the results file too. */
    @WithDefault(",")
    char delimiter();

    /** A file is read once its size and modification time have been stable this long. */
    @WithDefault("2s")
    Duration settle();

    /** Rows of one file in flight at once. */
    @WithDefault("16")
    int concurrency();
}
