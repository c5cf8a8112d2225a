package io.cancelgateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads provider bodies without ever failing: translators must survive empty bodies, HTML error pages, unknown
 * fields and values of unexpected types.
 */
public final class LenientJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LenientJson() {
    }

    /** The parsed body, or a missing node when it is empty or not JSON. */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    /** The scalar at the path as text (numbers and booleans included), or null when absent or not a scalar. */
    public static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            current = current.path(field);
        }
        return current.isValueNode() && !current.isNull() ? current.asText() : null;
    }

    /** The first non-null of the given values. */
    public static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
