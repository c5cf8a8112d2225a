package io.cancelgateway.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection sending one request at a time: the smallest client that does the job, so that
 * the load generator spends as little as possible of the CPU it shares with the service (the JDK's HttpClient spends
 * about a millisecond of CPU per request, a real share of two cores at thousands of requests per second).
 * Understands Content-Length and chunked answers; reconnects when the server closes.
 */
final class KeepAliveConnection implements AutoCloseable {

    private static final int TIMEOUT_MS = 60_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** An answer: its status and its body as text. */
    record Answer(int status, String body) {
    }

    /** Sends {@code request} (complete, as {@link HttpCall#bytes} writes it) and reads the whole answer. */
    Answer send(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException | RuntimeException failed) {
            // Whatever is left of that answer must not be read as the next one's.
            close();
            throw failed;
        }
    }

    private void connect() throws IOException {
        Socket connecting = new Socket();
        try {
            connecting.setTcpNoDelay(true);
            connecting.setSoTimeout(TIMEOUT_MS);
            connecting.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
        } catch (IOException failed) {
            connecting.close();
            throw failed;
        }
        socket = connecting;
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Answer readAnswer() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = statusLine.startsWith("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers, not used
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            throw new IOException("an answer with neither Content-Length nor chunked encoding");
        }
        if (closes) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private long chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private void copy(long length, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[4096];
        for (long left = length; left > 0;) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            body.write(buffer, 0, read);
            left -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of an answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException alreadyClosed) {
                // nothing left to release
            }
            socket = null;
        }
    }
}
