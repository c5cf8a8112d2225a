package io.cancelgateway.file;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The CSV inbox channel: {@code cancel.file.*}. */
@ConfigMapping(prefix = "cancel.file")
public interface FileChannelConfig {

    /** Where ERP files are dropped. */
    String inbox();

    /** Where results files are written. */
    String outbox();

    /** {@code ,} by default; {@code ;} for European exports. Used for the results file too. */
    char delimiter();

    /** A file is read once its size and modification time have been stable this long. */
    Duration settle();

    /** Rows of one file in flight at once. */
    int concurrency();

    /** The longest row a file may have, in bytes; a longer one gets the file refused before any row is processed. */
    @WithDefault("16384")
    int maxLineBytes();

    /** Whether text cells of results files that a spreadsheet would read as a formula get a leading {@code '}. */
    @WithDefault("true")
    boolean escapeFormulas();
}
