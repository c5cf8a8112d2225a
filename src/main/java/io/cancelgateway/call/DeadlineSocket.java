package io.cancelgateway.call;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A provider connection's socket whose reads end at the attempt's deadline. The read timeout bounds each read, not an
 * answer: a head sent a byte at a time, each within the read timeout, held an attempt past its deadline for as long as
 * the provider liked, and a read begun just before the deadline waited the whole read timeout. HttpClient's classic
 * I/O connects, sends and reads on the calling thread, so the deadline is that thread's: {@link CallLimits} sets it
 * while a request is executed (connection, TLS handshake, head), {@link LimitedAnswer} while the body is read. A TLS
 * connection reads through this socket as well.
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

    /** The {@link System#nanoTime()} at which this thread's reads stop, until {@link #readWithoutDeadline()}. */
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

    /** Each read waits until the deadline at most: the read timeout was cut to it when the request went out only. */
    private void beforeRead() throws IOException {
        Long deadline = DEADLINE.get();
        if (deadline == null) {
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("the cancel's deadline came while its answer was read");
        }
        int leftMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        int timeout = getSoTimeout();
        if (timeout == 0 || timeout > leftMillis) {
            setSoTimeout(leftMillis);
        }
    }
}
