package io.cancelgateway.flow;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.cancelgateway.model.CancelRequest;

/**
 * Reads the JSON {@link CancelRequest} of a channel that receives documents (REST, JMS). What cannot be read is an
 * {@link UnreadableCancelRequest} whose message tells the sender why, each channel answering it in its own way.
 */
@ApplicationScoped
public class CancelRequestReader {

    private final ObjectMapper json;

    public CancelRequestReader(ObjectMapper json) {
        // Strict, as the README promises: a field of another type than text, a key given twice or anything after the
        // object is refused, never coerced or silently dropped.
        this.json = json.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.json.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /**
     * @param document the JSON
     * @param subject what the sender calls the document in the reason, such as "the body"
     */
    public CancelRequest read(byte[] document, String subject) {
        return read(() -> json.readValue(document, CancelRequest.class), subject);
    }

    /** As {@link #read(byte[], String)}, for a document already decoded, without a byte order mark. */
    public CancelRequest read(String document, String subject) {
        return read(() -> json.readValue(document, CancelRequest.class), subject);
    }

    private static CancelRequest read(Parse parse, String subject) {
        try {
            CancelRequest request = parse.run();
            if (request == null) {
                throw new UnreadableCancelRequest(subject + " must be a JSON object");
            }
            return request;
        } catch (MismatchedInputException mismatched) {
            throw new UnreadableCancelRequest(subject + " is not a valid cancel request: " + mismatch(mismatched));
        } catch (JsonProcessingException malformed) {
            throw new UnreadableCancelRequest(subject + " is not a valid cancel request: "
                    + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new UnreadableCancelRequest(subject + " could not be read");
        }
    }

    /**
     * A field of the request of another type than text named as such: Jackson's own words name a Java type and a
     * setting of its own, not the field. (Only the request's own fields get this far: unknown ones are ignored.)
     */
    private static String mismatch(MismatchedInputException mismatched) {
        List<JsonMappingException.Reference> path = mismatched.getPath();
        String field = path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
        if (field != null && mismatched.getTargetType() == String.class) {
            return field + " must be a JSON string (text in quotes)";
        }
        return mismatched.getOriginalMessage();
    }

    @FunctionalInterface
    private interface Parse {
        CancelRequest run() throws IOException;
    }

    /** A request document that is not a JSON cancel request; the message is the reason, for the sender. */
    public static final class UnreadableCancelRequest extends RuntimeException {
        public UnreadableCancelRequest(String reason) {
            super(reason, null, false, false);
        }
    }
}
