package io.cancelgateway.call;

import java.io.IOException;

/** A provider's answer went on past {@link LimitedAnswer#MAX_BYTES}; the rest of it was not read. */
public final class AnswerTooLong extends IOException {

    AnswerTooLong(String provider) {
        super(provider + " answered with more than " + LimitedAnswer.MAX_BYTES / 1024 + " KiB");
    }
}
