package io.cancelgateway.provider;

/** The keys used to call a provider for one merchant. {@link #toString()} never shows them. */
public record ProviderCredentials(String apiKey, String secretKey) {

    @Override
    public String toString() {
        return "ProviderCredentials[apiKey=" + Secrets.mask(apiKey) + ", secretKey=" + Secrets.mask(secretKey) + "]";
    }
}
