package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class KnownSecretsTest {

    private final KnownSecrets secrets = new KnownSecrets(new SmallRyeConfigBuilder().withSources(
            new PropertiesConfigSource(Map.of(
                    "cancel.providers.juspay-payout.api-key", "jk_test_payout",
                    "cancel.providers.kwikpaisa.secret-key", "sk_live_7t2y9u4i",
                    "cancel.providers.hyperswitch.merchants.acme.api-key", "snd_acme_merchant_key",
                    "cancel.api.keys", "caller-key-one,caller-key-two",
                    "cancel.providers.juspay-order.default-reason", "Cancelled at the merchant's request",
                    "cancel.providers.juspay-order.api-key", "short",
                    // Basic-encoded with a '/': "bWs/X2xpdmVfa2V5MTo="
                    "cancel.providers.kwikpaisa.merchants.m2.api-key", "mk?_live_key1",
                    "cancel.clients.erp.api-key", "erp\"quoted\\key"), "test", 100)).build());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "cancel.providers.hyperswitch.api-key, true",
            "cancel.providers.kwikpaisa.merchants.m1.secret-key, true",
            "CANCEL_PROVIDERS_KWIKPAISA_SECRET_KEY, true",
            "CANCEL_PROVIDERS_HYPERSWITCH_MERCHANTS_ACME_API_KEY, true",
            "cancel.api.keys, true",
            "CANCEL_API_KEYS, true",
            "cancel.providers.juspay-order.default-reason, false",
            "quarkus.artemis.password, false",
    })
    void knowsWhichPropertiesHoldSecrets(String name, boolean secret) {
        assertThat(KnownSecrets.isSecret(name)).isEqualTo(secret);
    }

    @Test
    void masksEveryFormOfEveryConfiguredSecret() {
        String basic = Base64.getEncoder().encodeToString("jk_test_payout:".getBytes(StandardCharsets.UTF_8));
        String echoed = "Invalid header Authorization: Basic " + basic + " for key jk_test_payout, signed with "
                + "sk_live_7t2y9u4i by snd_acme_merchant_key on behalf of caller-key-two";

        String masked = secrets.mask(echoed, List.of());

        assertThat(masked).isEqualTo("Invalid header Authorization: Basic **** for key ****, signed with **** by "
                + "**** on behalf of ****");
    }

    @Test
    void masksASecretAsAJsonStringQuotesIt() {
        // A provider's JSON body kept as sent: PHP's json_encode writes '/' as "\/", and quotes and backslashes escaped.
        String body = "{\"error_message\":\"Bad header: Basic bWs\\/X2xpdmVfa2V5MTo=\",\"key\":\"erp\\\"quoted\\\\key\"}";

        assertThat(secrets.mask(body, List.of()))
                .isEqualTo("{\"error_message\":\"Bad header: Basic ****\",\"key\":\"****\"}");
        assertThat(secrets.mask("Basic bWs/X2xpdmVfa2V5MTo=", List.of())).isEqualTo("Basic ****");
    }

    @Test
    void masksTheCallsOwnSecretsTooButLeavesShortValuesAndOrdinaryWordsAlone() {
        assertThat(secrets.mask("signature 9e6e6b93b3d2c2de was refused; short key", List.of("9e6e6b93b3d2c2de")))
                .isEqualTo("signature **** was refused; short key");
        assertThat(secrets.mask("Cancelled at the merchant's request", List.of()))
                .isEqualTo("Cancelled at the merchant's request");
        assertThat(secrets.mask(null, List.of())).isNull();
    }
}
