package io.cancelgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cancelgateway.client.ClientsConfig.ClientSettings;

class ClientsTest {

    static final String KEY_A = "key-of-erp-a";

    @Test
    void aClientIsFoundByItsKeyGivenAsADigestOrPlainOutsideProduction() {
        Map<String, ClientSettings> clients = new LinkedHashMap<>();
        clients.put("erp-a", settings(Optional.of(hex(KEY_A)), Optional.empty(), List.of("m-1", "m-2"), List.of()));
        clients.put("erp-b", settings(Optional.empty(), Optional.of("key-of-erp-b"), List.of("*"),
                List.of("hyperswitch")));

        Clients all = new Clients(clients, List.of("single-key"), false);

        assertThat(all.byApiKey(KEY_A)).map(Client::name).contains("erp-a");
        assertThat(all.byApiKey("key-of-erp-b")).map(Client::name).contains("erp-b");
        assertThat(all.byApiKey("single-key")).map(Client::name).contains(Client.SINGLE_TENANT);
        assertThat(all.byApiKey("KEY-OF-ERP-A")).isEmpty();
        assertThat(all.byApiKey("")).isEmpty();
        Client a = all.byName("erp-a").orElseThrow();
        assertThat(a.mayCancelFor("m-1")).isTrue();
        assertThat(a.mayCancelFor("m-3")).isFalse();
        assertThat(a.mayCancelFor(null)).isFalse();
        assertThat(a.mayCancelAt("kwikpaisa")).isTrue();
        assertThat(a.replyPrefix()).isEqualTo("cancel.replies.erp-a.");
        Client b = all.byName("erp-b").orElseThrow();
        assertThat(b.mayCancelFor("any")).isTrue();
        assertThat(b.mayCancelAt("kwikpaisa")).isFalse();
        assertThat(all.singleTenant().orElseThrow().mayReplyTo("anything")).isTrue();
        assertThat(a.mayReplyTo("cancel.replies.erp-b.x")).isFalse();
    }

    @Test
    void aKeyThatIsAnotherClientsTooStopsTheService() {
        Map<String, ClientSettings> twins = new LinkedHashMap<>();
        twins.put("erp-a", settings(Optional.of(hex(KEY_A)), Optional.empty(), List.of("m-1"), List.of()));
        twins.put("erp-b", settings(Optional.empty(), Optional.of(KEY_A), List.of("m-2"), List.of()));

        assertThatThrownBy(() -> new Clients(twins, List.of(), false))
                .hasMessage("cancel.clients.erp-b.api-key is the API key of cancel.clients.erp-a too: give each "
                        + "client a key of its own");
        assertThatThrownBy(() -> new Clients(Map.of("erp-a", twins.get("erp-a")), List.of("other-key", KEY_A), false))
                .hasMessage("cancel.clients.erp-a.api-key is the API key of cancel.api.keys too: give each client "
                        + "a key of its own");
        assertThat(new Clients(Map.of("erp-a", twins.get("erp-a")), List.of("single-key", "single-key"), false)
                .byApiKey("single-key")).as("one client's key listed twice").isPresent();
    }

    @Test
    void productionRefusesPlainSecrets() {
        assertThatThrownBy(() -> new Clients(Map.of("erp-a", settings(Optional.empty(), Optional.of(KEY_A),
                List.of("*"), List.of())), List.of(), true))
                .hasMessageContaining("cancel.clients.erp-a.api-key holds a plain secret")
                .hasMessageContaining("cancel.clients.erp-a.api-key-sha256");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Erp_A | m-1 | a client's name is 1 to 32 of a-z, 0-9 and '-'",
            "default | m-1 | a client's name is 1 to 32 of a-z, 0-9 and '-'",
            "erp-a | '' | cancel.clients.erp-a.merchants is empty" })
    void aMisconfiguredClientStopsTheServiceNamingTheProperty(String name, String merchants, String message) {
        assertThatThrownBy(() -> new Clients(Map.of(name, settings(Optional.of(hex(KEY_A)), Optional.empty(),
                merchants.isEmpty() ? List.of() : List.of(merchants), List.of())), List.of(), true))
                .hasMessageContaining(message);
    }

    @Test
    void anUnknownProviderOrABadDigestStopsTheService() {
        assertThatThrownBy(() -> new Clients(Map.of("erp-a", settings(Optional.of(hex(KEY_A)), Optional.empty(),
                List.of("*"), List.of("paypal"))), List.of(), true))
                .hasMessageContaining("cancel.clients.erp-a.providers names paypal");
        assertThatThrownBy(() -> new Clients(Map.of("erp-a", settings(Optional.of("abc"), Optional.empty(),
                List.of("*"), List.of())), List.of(), true))
                .hasMessageContaining("cancel.clients.erp-a.api-key-sha256 is not a SHA-256 in hex");
    }

    @Test
    void withoutAnyKeyTheServiceDoesNotStart() {
        assertThatThrownBy(() -> new Clients(Map.of(), List.of(" "), true))
                .hasMessageContaining("no client can call the REST channel");
    }

    static String hex(String secret) {
        return HexFormat.of().formatHex(Clients.sha256(secret));
    }

    static ClientSettings settings(Optional<String> keyDigest, Optional<String> key, List<String> merchants,
            List<String> providers) {
        return new ClientSettings() {
            public Optional<String> apiKeySha256() {
                return keyDigest;
            }

            public Optional<String> apiKey() {
                return key;
            }

            public List<String> merchants() {
                return merchants;
            }

            public Optional<List<String>> providers() {
                return providers.isEmpty() ? Optional.empty() : Optional.of(providers);
            }

            public Optional<String> jmsUser() {
                return Optional.empty();
            }

            public Optional<String> jmsPasswordSha256() {
                return Optional.empty();
            }

            public Optional<String> jmsPassword() {
                return Optional.empty();
            }

            public Optional<String> replyPrefix() {
                return Optional.empty();
            }
        };
    }
}
