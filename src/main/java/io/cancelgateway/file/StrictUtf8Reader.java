package io.cancelgateway.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes a file as UTF-8 text, dropping a leading byte order mark. Invalid UTF-8 and NUL characters (binary data)
 * reject the file with the line they are on; the text before them is still delivered first, so the line is exact
 * whatever the caller reads ahead. {@link java.io.InputStreamReader} cannot do that: it loses the characters decoded
 * just before a malformed sequence.
 */
final class StrictUtf8Reader extends Reader {

    private static final int BUFFER_SIZE = 8192;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).limit(0);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE).limit(0);
    private boolean endOfInput;
    private boolean decodedAll;
    private boolean atStart = true;
    private String notText;
    private int line = 1;
    private boolean afterCarriageReturn;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int count = Math.min(length, chars.remaining());
        chars.get(target, offset, count);
        countLines(target, offset, count);
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean decodeMore() throws IOException {
        while (true) {
            if (notText != null) {
                throw new CsvFileRejected("the file is not UTF-8 text: " + notText + " on line " + line);
            }
            if (decodedAll) {
                return false;
            }
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                notText = "invalid UTF-8 bytes";
            } else if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(chars);
                    decodedAll = true;
                } else {
                    readBytes();
                }
            }
            chars.flip();
            stopBeforeNul();
            skipByteOrderMark();
            if (chars.hasRemaining()) {
                return true;
            }
        }
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (count < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + count);
        }
        bytes.flip();
    }

    private void stopBeforeNul() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\0') {
                chars.limit(i);
                notText = "a NUL character (binary data)";
                return;
            }
        }
    }

    private void skipByteOrderMark() {
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
                chars.get();
            }
        }
    }

    /** Counts CRLF, LF and lone CR line ends alike, as the CSV parser does. */
    private void countLines(char[] text, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = text[i];
            if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
                line++;
            }
            afterCarriageReturn = c == '\r';
        }
    }
}
