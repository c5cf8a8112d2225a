package io.cancelgateway.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cancelgateway.client.ClientsConfig.ClientSettings;
import io.cancelgateway.provider.Provider;
import io.quarkus.runtime.LaunchMode;

/**
 * Every configured client, found by what it presents: its API key (compared as SHA-256 digests in constant time), its
 * broker user, its name. Checked at start: a configuration that would let a caller act for the wrong merchants, or
 * keeps a plain secret in production, stops the service with the property to fix.
 */
@Singleton
public class Clients {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, Client> byName = new LinkedHashMap<>();
    private final List<KeyedClient> byKey = new ArrayList<>();
    private final Map<String, BrokerUser> byBrokerUser = new LinkedHashMap<>();

    @Inject
    public Clients(ClientsConfig config,
            @ConfigProperty(name = "cancel.api.keys") Optional<List<String>> singleTenantKeys) {
        this(config.clients(), singleTenantKeys.orElse(List.of()), LaunchMode.current() == LaunchMode.NORMAL);
    }

    Clients(Map<String, ClientSettings> clients, List<String> singleTenantKeys, boolean production) {
        List<String> keys = singleTenantKeys.stream().map(String::trim).filter(key -> !key.isEmpty()).toList();
        if (!keys.isEmpty()) {
            Client single = Client.singleTenant();
            byName.put(single.name(), single);
            keys.forEach(key -> addKey("cancel.api.keys", sha256(key), single));
        }
        clients.forEach((name, settings) -> add(name, settings, production));
        if (byKey.isEmpty()) {
            throw new IllegalStateException("no client can call the REST channel: set cancel.clients.<name>.api-key-sha256 "
                    + "(and .merchants) for each client, or cancel.api.keys for a single tenant");
        }
    }

    private void add(String name, ClientSettings settings, boolean production) {
        String property = "cancel.clients." + name;
        if (!NAME.matcher(name).matches() || Client.SINGLE_TENANT.equals(name)) {
            throw new IllegalStateException(property + ": a client's name is 1 to 32 of a-z, 0-9 and '-', and not "
                    + Client.SINGLE_TENANT);
        }
        List<String> merchants = settings.merchants().stream().map(String::trim).filter(m -> !m.isEmpty()).toList();
        if (merchants.isEmpty()) {
            throw new IllegalStateException(property + ".merchants is empty: list the client's merchants, or * for all");
        }
        List<String> providers = settings.providers().orElse(List.of()).stream().map(String::trim)
                .filter(p -> !p.isEmpty()).toList();
        providers.stream().filter(p -> Provider.byId(p).isEmpty()).findFirst().ifPresent(unknown -> {
            throw new IllegalStateException(property + ".providers names " + unknown + ", which is none of "
                    + Provider.ids());
        });
        Client client = new Client(name, new LinkedHashSet<>(merchants), merchants.contains("*"),
                new LinkedHashSet<>(providers), settings.replyPrefix().orElse("cancel.replies." + name + "."));
        byName.put(name, client);
        digest(property + ".api-key", settings.apiKeySha256(), settings.apiKey(), production)
                .ifPresent(key -> addKey(property + ".api-key", HexFormat.of().parseHex(key), client));
        settings.jmsUser().ifPresent(user -> {
            String password = digest(property + ".jms-password", settings.jmsPasswordSha256(), settings.jmsPassword(),
                    production).orElseThrow(() -> new IllegalStateException(property + ".jms-user is set without "
                            + property + ".jms-password-sha256"));
            if (byBrokerUser.put(user, new BrokerUser(user, password, client)) != null) {
                throw new IllegalStateException(property + ".jms-user " + user + " is another client's too");
            }
        });
    }

    /** A key that is another client's too would let its holder act as whichever client was found last. */
    private void addKey(String property, byte[] sha256, Client client) {
        byKey.stream().filter(keyed -> MessageDigest.isEqual(keyed.sha256(), sha256))
                .filter(keyed -> !keyed.client().name().equals(client.name())).findFirst().ifPresent(other -> {
                    throw new IllegalStateException(property + " is the API key of " + (other.client().isSingleTenant()
                            ? "cancel.api.keys" : "cancel.clients." + other.client().name()) + " too: give each "
                            + "client a key of its own");
                });
        byKey.add(new KeyedClient(sha256, client));
    }

    /** The hex SHA-256 of a secret, given as its digest or, outside production, as itself. */
    private static Optional<String> digest(String property, Optional<String> sha256, Optional<String> plain,
            boolean production) {
        if (plain.isPresent() && production) {
            throw new IllegalStateException(property + " holds a plain secret, accepted in dev and test only: set "
                    + property + "-sha256 to its SHA-256 in hex instead");
        }
        if (sha256.isPresent()) {
            String hex = sha256.get().trim().toLowerCase(Locale.ROOT);
            if (!SHA256_HEX.matcher(hex).matches()) {
                throw new IllegalStateException(property + "-sha256 is not a SHA-256 in hex (64 hex digits)");
            }
            return Optional.of(hex);
        }
        return plain.map(secret -> HexFormat.of().formatHex(sha256(secret)));
    }

    /** The client whose API key this is; compared with every key, so the time taken tells nothing about them. */
    public Optional<Client> byApiKey(String presented) {
        byte[] candidate = sha256(presented);
        Client found = null;
        for (KeyedClient keyed : byKey) {
            if (MessageDigest.isEqual(keyed.sha256(), candidate)) {
                found = keyed.client();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The single-tenant client of {@code cancel.api.keys}, when there is one. */
    public Optional<Client> singleTenant() {
        return byName(Client.SINGLE_TENANT);
    }

    public Optional<Client> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<BrokerUser> byBrokerUser(String user) {
        return Optional.ofNullable(user == null ? null : byBrokerUser.get(user));
    }

    /** The clients' broker users, for the embedded broker. */
    public List<BrokerUser> brokerUsers() {
        return List.copyOf(byBrokerUser.values());
    }

    public List<Client> all() {
        return List.copyOf(byName.values());
    }

    /** The SHA-256 of a secret's UTF-8 bytes: how keys and broker passwords are configured and compared. */
    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private record KeyedClient(byte[] sha256, Client client) {
    }
}
