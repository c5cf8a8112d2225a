package io.cancelgateway.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;

import io.cancelgateway.journal.JournalQuery;

/**
 * The query string of a REST call, read from the raw query rather than from message headers, so that an inbound HTTP
 * header can never pose as a filter.
 */
final class QueryParameters {

    private final Map<String, String> values = new HashMap<>();
    /** Names given more than once: refused when read, as the caller's intent is unknown (another is ignored). */
    private final Set<String> repeated = new HashSet<>();

    private QueryParameters(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!value.isEmpty() && values.putIfAbsent(name, value) != null) {
                repeated.add(name);
            }
        }
    }

    static QueryParameters of(Exchange exchange) {
        return new QueryParameters(exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, String.class));
    }

    String text(String name) {
        if (repeated.contains(name)) {
            throw new RestRejection(400, "bad_parameter", name + " is given more than once");
        }
        return values.get(name);
    }

    Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (!JournalQuery.holdable(instant)) {
                throw new RestRejection(400, "bad_parameter", name + " must lie between the years 0001 and 9999, was "
                        + value);
            }
            return instant;
        } catch (DateTimeParseException bad) {
            throw new RestRejection(400, "bad_parameter", name + " must be an ISO-8601 instant such as "
                    + "2026-05-13T00:00:00Z, was " + value);
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new RestRejection(400, "bad_parameter", name + " must be a whole number from " + min + " to " + max
                + ", was " + value);
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new RestRejection(400, "bad_parameter", "the query string is not properly encoded");
        }
    }
}
