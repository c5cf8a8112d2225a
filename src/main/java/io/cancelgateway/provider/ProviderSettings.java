package io.cancelgateway.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.cancelgateway.settings.SettingRanges.Range;

/**
 * One provider's configuration under {@code cancel.providers.<provider>.*}: where it is, how long to wait, which
 * merchant is the default and which keys to use per merchant. Read programmatically because each provider adds keys of
 * its own under the same prefix.
 */
public final class ProviderSettings {

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** The file channel's and the JMS channel's default concurrency together (16 + 16), and as much again for REST. */
    private static final int DEFAULT_MAX_CONCURRENT_CALLS = 64;
    private static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(45);
    private static final int DEFAULT_CIRCUIT_FAILURES = 20;
    private static final Duration DEFAULT_CIRCUIT_OPEN_FOR = Duration.ofSeconds(30);

    private final Provider provider;
    private final Config config;
    private final URI baseUrl;
    // Read once: asked on every request or attempt. Per-merchant keys are looked up as asked, since merchant ids come
    // from requests and may be configured through environment variables that cannot be listed up front.
    private final Optional<String> defaultMerchantId;
    private final Optional<String> apiKey;
    private final Optional<String> secretKey;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxConcurrentCalls;
    private final Duration maxQueueWait;
    private final Duration deadline;
    private final int circuitFailures;
    private final Duration circuitOpenFor;

    /**
     * @throws IllegalStateException naming the property when the base URL is missing or not an absolute http(s) URL
     */
    public ProviderSettings(Provider provider, Config config) {
        this.provider = provider;
        this.config = config;
        this.baseUrl = parseBaseUrl(property("base-url"),
                config.getOptionalValue(property("base-url"), String.class).orElse(null));
        this.defaultMerchantId = nonBlank(property("merchant-id"));
        this.apiKey = nonBlank(property("api-key"));
        this.secretKey = nonBlank(property("secret-key"));
        this.connectTimeout = positive("connect-timeout", DEFAULT_CONNECT_TIMEOUT);
        this.readTimeout = positive("read-timeout", DEFAULT_READ_TIMEOUT);
        this.maxConcurrentCalls = atLeastOne("max-concurrent-calls", DEFAULT_MAX_CONCURRENT_CALLS);
        this.maxQueueWait = duration("max-queue-wait", DEFAULT_MAX_QUEUE_WAIT);
        this.deadline = positive("deadline", DEFAULT_DEADLINE);
        this.circuitFailures = atLeastOne("circuit-breaker.failures", DEFAULT_CIRCUIT_FAILURES);
        this.circuitOpenFor = positive("circuit-breaker.open-for", DEFAULT_CIRCUIT_OPEN_FOR);
    }

    public Provider provider() {
        return provider;
    }

    /** Without a trailing slash, so connectors append absolute paths. */
    public URI baseUrl() {
        return baseUrl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Calls in flight to this provider at most: its connection pool and the threads that wait for its answers. */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /** The longest a call waits for one of {@link #maxConcurrentCalls()} before it is answered busy, without a call. */
    public Duration maxQueueWait() {
        return maxQueueWait;
    }

    /** The time all attempts of one cancel and the waits between them take at most. */
    public Duration deadline() {
        return deadline;
    }

    /** Failed calls in a row after which the provider's circuit opens. */
    public int circuitFailures() {
        return circuitFailures;
    }

    /** How long an open circuit refuses calls before it lets one trial call through. */
    public Duration circuitOpenFor() {
        return circuitOpenFor;
    }

    /** The merchant a request is for: the one it names, else the provider's default; null without either. */
    public String merchantFor(String requestedMerchantId) {
        return requestedMerchantId != null ? requestedMerchantId : defaultMerchantId.orElse(null);
    }

    /** The API key for the merchant: its own override, else the provider's. */
    public Optional<String> apiKey(String merchantId) {
        return merchantValue(merchantId, "api-key").or(() -> apiKey);
    }

    public Optional<String> secretKey(String merchantId) {
        return merchantValue(merchantId, "secret-key").or(() -> secretKey);
    }

    /** The merchant's own API key, never the provider's. */
    public Optional<String> ownApiKey(String merchantId) {
        return merchantValue(merchantId, "api-key");
    }

    /** The merchant's own secret key, never the provider's. */
    public Optional<String> ownSecretKey(String merchantId) {
        return merchantValue(merchantId, "secret-key");
    }

    /** The property a setting of the provider is read from (a key, its merchant, its deadline), for error messages. */
    public String keyProperty(String key) {
        return property(key);
    }

    /** The per-merchant property a key can also be set in, for error messages. */
    public String merchantKeyProperty(String merchantId, String key) {
        return property("merchants." + merchantId + "." + key);
    }

    private Optional<String> merchantValue(String merchantId, String key) {
        return merchantId == null ? Optional.empty() : nonBlank(merchantKeyProperty(merchantId, key));
    }

    private int atLeastOne(String key, int defaultValue) {
        return Range.POSITIVE.check(property(key),
                config.getOptionalValue(property(key), Integer.class).orElse(defaultValue));
    }

    /** A time that must be longer than zero: zero would be no limit at all to an HTTP client, or refuse every call. */
    private Duration positive(String key, Duration defaultValue) {
        return Range.POSITIVE.check(property(key),
                config.getOptionalValue(property(key), Duration.class).orElse(defaultValue));
    }

    private Duration duration(String key, Duration defaultValue) {
        return Range.NOT_NEGATIVE.check(property(key),
                config.getOptionalValue(property(key), Duration.class).orElse(defaultValue));
    }

    private Optional<String> nonBlank(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    private String property(String key) {
        return "cancel.providers." + provider.id() + "." + key;
    }

    private static URI parseBaseUrl(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: the provider's base URL is required");
        }
        String trimmed = value.trim().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalStateException(name + " must be an absolute http(s) URL, was " + value);
            }
            return uri;
        } catch (URISyntaxException malformed) {
            throw new IllegalStateException(name + " is not a valid URL: " + value, malformed);
        }
    }
}
