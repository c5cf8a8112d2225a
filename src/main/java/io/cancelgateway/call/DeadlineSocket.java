package io.cancelgateway.call;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A provider connection's socket whose reads end at the attempt's deadline. The read timeout bounds each read, not an
 * answer: a head sent a byte at a time, each within the read timeout, held an attempt past its deadline for as long as
 * the provider liked (the body is bounded by {@link LimitedAnswer} too). HttpClient's classic I/O reads an answer on
 * the thread that sent the request, so the deadline is that thread's, set by {@link CallLimits} as a request goes out.
 * A TLS connection reads through this socket as well.
 */
final class DeadlineSocket extends Socket {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private DeadlineSocket() {
    }

    private DeadlineSocket(Proxy proxy) {
        super(proxy);
    }

    static Socket create(Proxy proxy) {
        return proxy == null ? new DeadlineSocket() : new DeadlineSocket(proxy);
    }

    /** The {@link System#nanoTime()} at which this thread's reads stop. */
    static void readUntil(long deadlineNanos) {
        DEADLINE.set(deadlineNanos);
    }

    /** This thread's reads no longer stop at a deadline. */
    static void readWithoutDeadline() {
        DEADLINE.remove();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
                beforeRead();
                return super.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                beforeRead();
                return super.read(buffer, offset, length);
            }
        };
    }

    private static void beforeRead() throws SocketTimeoutException {
        Long deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline >= 0) {
            throw new SocketTimeoutException("the cancel's deadline came while its answer was read");
        }
    }
}
