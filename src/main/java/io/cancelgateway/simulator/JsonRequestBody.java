package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reads request bodies the way a strict provider does: one JSON object, nothing around it. */
final class JsonRequestBody {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonRequestBody() {
    }

    /** The raw body as UTF-8 text, empty when there is none. */
    static String text(RoutingContext context) {
        RequestBody body = context.body();
        String text = body == null ? null : body.asString();
        return text == null ? "" : text;
    }

    /** The body when it is a JSON object. */
    static Optional<JsonNode> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }
}
