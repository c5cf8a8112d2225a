package io.cancelgateway.call;

import java.io.InterruptedIOException;

/**
 * A provider's answer still coming when the cancel's deadline passed: each read within the read timeout, the whole
 * of it not. Taken like any timeout.
 */
public final class AnswerTooSlow extends InterruptedIOException {

    AnswerTooSlow(String provider) {
        super(provider + " was still answering when the cancel's deadline passed");
    }
}
