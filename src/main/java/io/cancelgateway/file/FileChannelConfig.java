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

    /** The longest row a file may have, in bytes; a longer one gets the file refused before any row is processed. */
    @WithDefault("16384")
    int maxLineBytes();

    /** Whether text cells of results files that a spreadsheet would read as a formula get a leading {@code '}. */
    @WithDefault("true")
    boolean escapeFormulas();
}
