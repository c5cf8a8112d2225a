package io.cancelgateway.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The form KwikPaisa signs, rebuilt from a parsed body: keys sorted at every level, no whitespace, slashes not escaped,
 * non-ASCII characters as {@code \\u} escapes with four lowercase hex digits (as the PHP and Python signing samples
 * produce).
 * Numbers keep the literal they were sent with, so a body already in this form comes out byte for byte the same.
 * Written apart from the gateway's own signer on purpose: the simulator must catch the signer's mistakes, not share them.
 */
final class CanonicalJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /**
     * @throws IllegalArgumentException when the text is not exactly one JSON value
     */
    static String of(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("no JSON value");
            }
            String canonical = value(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("content after the JSON value");
            }
            return canonical;
        } catch (IOException notJson) {
            throw new IllegalArgumentException("not JSON", notJson);
        }
    }

    private static String value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> quoted(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> throw new IllegalArgumentException("unexpected " + token);
        };
    }

    private static String object(JsonParser parser) throws IOException {
        // Later duplicates win, as in the PHP and Python decoders.
        Map<String, String> members = new TreeMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            members.put(name, value(parser, parser.nextToken()));
        }
        StringBuilder out = new StringBuilder("{");
        members.forEach((name, member) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quoted(name)).append(':').append(member);
        });
        return out.append('}').toString();
    }

    private static String array(JsonParser parser) throws IOException {
        List<String> elements = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            elements.add(value(parser, token));
        }
        return "[" + String.join(",", elements) + "]";
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
