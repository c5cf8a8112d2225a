package io.cancelgateway.flow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.journal.ResponseBodyMask;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.provider.CallReport;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCall;
import io.cancelgateway.provider.ProviderConnector;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderHttpClient;
import io.cancelgateway.provider.ProviderResults;
import io.cancelgateway.provider.ProviderSettings;
import io.cancelgateway.provider.RetryPolicy;

/**
 * Cancels at one provider: picks the merchant and its credentials, authenticates and signs the call through the
 * connector, calls with retries, and translates the answer into the result. A missing merchant or customer id is
 * INVALID and missing credentials are AUTH_FAILED, both without any call.
 */
public final class ProviderCancel implements Processor {

    private final ProviderConnector connector;
    private final ProviderSettings settings;
    private final ProviderCall call;

    public ProviderCancel(ProviderConnector connector, ProviderSettings settings, RetryPolicy retryPolicy,
            CancelMetrics metrics) {
        this.connector = connector;
        this.settings = settings;
        this.call = new ProviderCall(connector,
                new ProviderHttpClient(settings.connectTimeout(), settings.readTimeout()),
                retryPolicy, Clock.systemUTC(), metrics.providerCallTimer(connector.provider()));
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        List<AttemptRecord> attempts = new ArrayList<>();
        exchange.setProperty(CancelExchange.RESULT, cancel(request, attempts));
        exchange.setProperty(CancelExchange.ATTEMPTS, attempts);
    }

    /** @param attempts receives every HTTP call made, masked of secrets */
    private CancelResult cancel(CancelRequest request, List<AttemptRecord> attempts) {
        String provider = connector.provider().id();
        String merchantId = request.merchantId() != null ? request.merchantId()
                : settings.defaultMerchantId().orElse(null);
        CancelRequest forMerchant = request.withMerchantId(merchantId);
        if (connector.needsMerchantId() && merchantId == null) {
            return CancelResult.withoutCall(forMerchant, Outcome.INVALID, "merchant_id is required for " + provider
                    + ": the request has none and " + settings.keyProperty("merchant-id") + " is not set");
        }
        if (connector.needsCustomerId() && request.customerId() == null) {
            return CancelResult.withoutCall(forMerchant, Outcome.INVALID, "customer_id is required for " + provider);
        }
        String apiKey = settings.apiKey(merchantId).orElse(null);
        if (apiKey == null) {
            return CancelResult.withoutCall(forMerchant, Outcome.AUTH_FAILED, missing(merchantId, "api-key"));
        }
        String secretKey = settings.secretKey(merchantId).orElse(null);
        if (connector.needsSecretKey() && secretKey == null) {
            return CancelResult.withoutCall(forMerchant, Outcome.AUTH_FAILED, missing(merchantId, "secret-key"));
        }
        CancelTarget target = new CancelTarget(request.reference(), merchantId, request.reason(), request.customerId());
        List<String> secrets = Arrays.asList(apiKey, secretKey);
        Consumer<AttemptRecord> onAttempt = attempt -> attempts.add(new AttemptRecord(attempt.attempt(),
                attempt.startedAt(), attempt.httpStatus(), attempt.durationMs(), attempt.failure(),
                ResponseBodyMask.mask(attempt.responseBody(), secrets)));
        CallReport report = call.execute(target, new ProviderCredentials(apiKey, secretKey), settings.baseUrl(),
                onAttempt);
        return ProviderResults.fromCall(forMerchant, merchantId, connector, report);
    }

    private String missing(String merchantId, String key) {
        String where = merchantId == null ? settings.keyProperty(key)
                : settings.merchantKeyProperty(merchantId, key) + " or " + settings.keyProperty(key);
        return "no credentials configured for " + connector.provider().id() + ": set " + where;
    }
}
