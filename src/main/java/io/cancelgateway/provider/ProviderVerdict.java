package io.cancelgateway.provider;

import io.cancelgateway.model.Outcome;

/**
 * What one provider answer means, in canonical terms. The output of every response translator.
 *
 * @param outcome the canonical outcome
 * @param providerStatus the provider's own status word for the target or the call, if it gave one
 * @param providerCode the provider's error or result code, if it gave one
 * @param providerMessage the provider's human-readable message, if it gave one
 * @param cancelledAt when the provider says the target was cancelled, ISO-8601 with offset; null when not stated
 */
public record ProviderVerdict(Outcome outcome, String providerStatus, String providerCode, String providerMessage,
        String cancelledAt) {

    public ProviderVerdict withOutcome(Outcome other) {
        return new ProviderVerdict(other, providerStatus, providerCode, providerMessage, cancelledAt);
    }
}
