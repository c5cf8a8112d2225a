package io.cancelgateway.call;

import java.io.IOException;

import io.cancelgateway.flow.LogValue;

/**
 * A provider's answer the gateway stopped reading: longer than {@link LimitedAnswer#MAX_BYTES}, or compressed, which it
 * never asks for (a compressed answer is decompressed whole, past any limit on what was read).
 */
public final class AnswerNotRead extends IOException {

    private AnswerNotRead(String message) {
        super(message);
    }

    static AnswerNotRead tooLong(String provider) {
        return new AnswerNotRead(provider + " answered with more than " + LimitedAnswer.MAX_BYTES / 1024 + " KiB");
    }

    static AnswerNotRead encoded(String provider, String encoding) {
        return new AnswerNotRead(provider + " answered with Content-Encoding " + LogValue.of(encoding)
                + ", which the gateway does not ask for");
    }
}
