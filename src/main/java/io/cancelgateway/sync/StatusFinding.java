package io.cancelgateway.sync;

import io.cancelgateway.provider.ProviderVerdict;

/**
 * What one status check found: the provider's verdict on the target, or why the check got none.
 *
 * @param verdict the status answer translated (texts masked); null when there was no usable answer
 * @param httpStatus the status answer's HTTP status; null when the provider never answered
 * @param failure why the check found nothing, when it did not
 */
public record StatusFinding(ProviderVerdict verdict, Integer httpStatus, String failure) {

    /** The exchange property holding it. */
    public static final String PROPERTY = "CancelStatusFinding";

    public static StatusFinding failed(String why) {
        return new StatusFinding(null, null, why);
    }
}
