package io.cancelgateway.flow;

/**
 * A value that came from a caller (or a provider), made safe for a {@code key=value} log line: nothing in it can
 * forge another field or another line, move the cursor, turn the text around or fill the disk. A plain value (visible
 * ASCII without quotes or backslashes, at most {@value #MAX_SHOWN} characters) is shown as it is; any other is quoted,
 * its non-printable characters escaped as {@code \\u} and four hex digits, and its length cut.
 */
public final class LogValue {

    static final int MAX_SHOWN = 128;

    private LogValue() {
    }

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= MAX_SHOWN && isPlain(value)) {
            return value;
        }
        return quoted(value);
    }

    /** Always quoted, for free text such as an error. */
    public static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 16).append('"');
        int end = Math.min(value.length(), MAX_SHOWN * 2);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                shown.append('\\').append(c);
            } else if (printable(c)) {
                shown.append(c);
            } else {
                shown.append(String.format("\\u%04x", (int) c));
            }
        }
        if (end < value.length()) {
            shown.append("…(").append(value.length() - end).append(" more characters)");
        }
        return shown.append('"').toString();
    }

    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~' || c == '"' || c == '\\') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static boolean printable(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
