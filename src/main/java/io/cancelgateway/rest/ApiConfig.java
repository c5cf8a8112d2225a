package io.cancelgateway.rest;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The REST channel: {@code cancel.api.*}. */
@ConfigMapping(prefix = "cancel.api")
public interface ApiConfig {

    /**
     * Accepted values of the X-Api-Key header of the single-tenant client ({@code cancel.clients.*} configures named
     * clients); the service does not start without any client.
     */
    Optional<List<String>> keys();

    /** Larger request bodies are refused with 413. */
    int maxBodyBytes();
}
