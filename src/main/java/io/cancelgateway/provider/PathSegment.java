package io.cancelgateway.provider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes a value for use as one URL path segment. */
public final class PathSegment {

    private PathSegment() {
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so a value can never add a segment or a query. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
