package io.cancelgateway.provider;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** What a provider answered to one call. */
public record ProviderAnswer(int status, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
