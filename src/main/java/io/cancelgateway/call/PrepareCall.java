package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.client.Client;
import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderSettings;

/**
 * Picks the merchant (the request's, else the provider's default) and its credentials, and checks that the provider
 * gets every field it needs. A missing merchant or customer id is INVALID and missing credentials are AUTH_FAILED, both
 * decided here without any call; otherwise the call is prepared for its attempts. A client limited to merchants calls
 * with their own credentials only.
 */
@ApplicationScoped
@Named("prepareCall")
public class PrepareCall implements Processor {

    private final ConfiguredProviders providers;

    public PrepareCall(ConfiguredProviders providers) {
        this.providers = providers;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Provider provider = Provider.byId(exchange.getProperty(CancelExchange.PROVIDER, String.class)).orElseThrow();
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        ProviderApi api = providers.api(provider);
        ProviderSettings settings = providers.settings(provider);
        String merchantId = settings.merchantFor(request.merchantId());
        CancelRequest forMerchant = request.withMerchantId(merchantId);
        if (api.needsMerchantId() && merchantId == null) {
            decide(exchange, CancelResult.withoutCall(forMerchant, Outcome.INVALID, "merchant_id is required for "
                    + provider.id() + ": the request has none and " + settings.keyProperty("merchant-id")
                    + " is not set"));
            return;
        }
        if (api.needsCustomerId() && request.customerId() == null) {
            decide(exchange, CancelResult.withoutCall(forMerchant, Outcome.INVALID,
                    "customer_id is required for " + provider.id()));
            return;
        }
        // The provider's own credentials are one account, shared by every caller they serve: with them, a reference may
        // be another client's (Hyperswitch's and KwikPaisa's calls name no merchant). So a client limited to merchants
        // calls with theirs only, its status checks too.
        Client client = exchange.getProperty(CancelExchange.CLIENT, Client.class);
        boolean ownOnly = client != null && !client.allMerchants();
        String apiKey = (ownOnly ? settings.ownApiKey(merchantId) : settings.apiKey(merchantId)).orElse(null);
        if (apiKey == null) {
            decide(exchange, CancelResult.withoutCall(forMerchant, Outcome.AUTH_FAILED,
                    missing(settings, merchantId, "api-key", ownOnly ? client : null)));
            return;
        }
        String secretKey = (ownOnly ? settings.ownSecretKey(merchantId) : settings.secretKey(merchantId)).orElse(null);
        if (api.needsSecretKey() && secretKey == null) {
            decide(exchange, CancelResult.withoutCall(forMerchant, Outcome.AUTH_FAILED,
                    missing(settings, merchantId, "secret-key", ownOnly ? client : null)));
            return;
        }
        CancelTarget target = new CancelTarget(request.reference(), merchantId, request.reason(), request.customerId(),
                request.parentReference());
        String kindId = exchange.getProperty(CancelExchange.CALL_KIND, String.class);
        CallKind kind = kindId == null ? CallKind.CANCEL : CallKind.byId(kindId);
        CancelCall call = new CancelCall(provider, kind, forMerchant, target,
                new ProviderCredentials(apiKey, secretKey), System.nanoTime() + settings.deadline().toNanos());
        if (exchange.getProperty(CancelExchange.AFTER_LOST_ANSWER, false, Boolean.class)) {
            call.afterLostAnswer();
        }
        call.attachTo(exchange);
    }

    private static void decide(Exchange exchange, CancelResult result) {
        exchange.setProperty(CancelExchange.RESULT, result);
    }

    /** What to set; {@code limited} is the client limited to merchants, which only the merchant's own key serves. */
    private static String missing(ProviderSettings settings, String merchantId, String key, Client limited) {
        if (limited != null) {
            return "no credentials of merchant " + merchantId + " configured for " + settings.provider().id()
                    + ": client " + limited.name() + " may cancel only for its own merchants, with their own "
                    + "credentials, never the provider's shared ones; set " + settings.merchantKeyProperty(merchantId,
                            key);
        }
        String where = merchantId == null ? settings.keyProperty(key)
                : settings.merchantKeyProperty(merchantId, key) + " or " + settings.keyProperty(key);
        return "no credentials configured for " + settings.provider().id() + ": set " + where;
    }
}
