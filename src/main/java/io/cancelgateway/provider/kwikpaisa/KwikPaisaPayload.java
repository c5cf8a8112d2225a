package io.cancelgateway.provider.kwikpaisa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes payloads in the one form KwikPaisa signs: keys sorted at every level, no whitespace, slashes not escaped.
 * Non-ASCII characters are written as lowercase hex unicode escapes, as PHP's json_encode and Python's json.dumps do by
 * default, so that the signed text is plain ASCII and never depends on a character encoding.
 */
public final class KwikPaisaPayload {

    private static final JsonMapper WRITER = JsonMapper.builder()
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    /** Digits without a leading zero: only these survive a round trip through a JSON number unchanged. */
    private static final Pattern NUMERIC_ID = Pattern.compile("0|[1-9][0-9]*");

    private KwikPaisaPayload() {
    }

    /**
     * The payload naming one order, {@code {"order_id":...}}: the body of both the cancel and the status call. The id
     * is a JSON string unless {@code numericOrderId} is set and the id is a number that fits a long; anything else
     * stays a string so that it reaches the provider unchanged.
     */
    public static String order(String reference, boolean numericOrderId) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        if (numericOrderId && isLongNumber(reference)) {
            payload.put("order_id", Long.parseLong(reference));
        } else {
            payload.put("order_id", reference);
        }
        return write(payload);
    }

    /** Any payload in signing form. */
    public static String write(JsonNode payload) {
        try {
            return WRITER.writeValueAsString(sorted(payload));
        } catch (JsonProcessingException cannotHappenForATree) {
            throw new UncheckedIOException(cannotHappenForATree);
        }
    }

    private static boolean isLongNumber(String reference) {
        if (reference == null || !NUMERIC_ID.matcher(reference).matches()) {
            return false;
        }
        try {
            Long.parseLong(reference);
            return true;
        } catch (NumberFormatException beyondLong) {
            return false;
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
