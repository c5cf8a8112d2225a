package io.cancelgateway.call;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * A provider's answer, readable up to {@link #MAX_BYTES} and until the cancel's deadline: reading on fails with
 * {@link AnswerNotRead} or {@link AnswerTooSlow}. HttpClient takes a failed read as the end of the connection and
 * closes it unread, so an answer that never ends costs one mebibyte of memory, not all of it, and one that trickles
 * in (each read within the read timeout) ends with the deadline.
 */
final class LimitedAnswer extends HttpEntityWrapper {

    /** Providers answer with a few kilobytes of JSON: anything near this long is a fault, not an answer. */
    static final int MAX_BYTES = 1024 * 1024;

    private final String provider;
    private final long deadlineNanos;

    LimitedAnswer(HttpEntity answer, String provider, long deadlineNanos) {
        super(answer);
        this.provider = provider;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public InputStream getContent() throws IOException {
        return new LimitedStream(super.getContent());
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = getContent()) {
            in.transferTo(out);
        }
    }

    private final class LimitedStream extends FilterInputStream {

        private long read;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b;
            DeadlineSocket.readUntil(deadlineNanos);
            try {
                b = super.read();
            } finally {
                DeadlineSocket.readWithoutDeadline();
            }
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            DeadlineSocket.readUntil(deadlineNanos);
            try {
                n = super.read(buffer, offset, length);
            } finally {
                DeadlineSocket.readWithoutDeadline();
            }
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws IOException {
            read += n;
            if (read > MAX_BYTES) {
                throw AnswerNotRead.tooLong(provider);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new AnswerTooSlow(provider);
            }
        }
    }
}
