package io.cancelgateway.call;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * Every secret the service is configured with, in every form it sends one: the providers' API and secret keys (the
 * providers' own and every merchant's) as they are and Basic-encoded, and the callers' API keys, each also as a JSON
 * string would quote it. A provider that echoes
 * one back (a message quoting the Authorization header, say) never gets it into a result, the journal or a log.
 */
@ApplicationScoped
public class KnownSecrets {

    static final String MASK = "****";
    /** Shorter values are left alone: masking them would garble ordinary words. */
    private static final int SHORTEST = 8;

    private final List<String> forms;

    public KnownSecrets(Config config) {
        Set<String> values = new LinkedHashSet<>();
        for (String name : config.getPropertyNames()) {
            if (isSecret(name)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> values.addAll(List.of(value.split(","))));
            }
        }
        for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
            if (isSecret(variable.getKey())) {
                values.addAll(List.of(variable.getValue().split(",")));
            }
        }
        this.forms = formsOf(values);
    }

    /** The text with every known secret, and every one of {@code more}, replaced by {@value #MASK}. */
    public String mask(String text, Collection<String> more) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String form : more.isEmpty() ? forms : merged(more)) {
            if (masked.contains(form)) {
                masked = masked.replace(form, MASK);
            }
        }
        return masked;
    }

    private List<String> merged(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(forms);
        all.addAll(formsOf(more));
        return longestFirst(all);
    }

    /**
     * {@code cancel.providers.<p>[.merchants.<m>].api-key|secret-key}, {@code cancel.api.keys} and a client's plain
     * {@code cancel.clients.<c>.api-key|jms-password} (dev and test), or their variables.
     */
    static boolean isSecret(String name) {
        String normal = name.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
        return normal.startsWith("cancel.providers.") && (normal.endsWith(".api.key") || normal.endsWith(".secret.key"))
                || normal.equals("cancel.api.keys")
                || normal.startsWith("cancel.clients.") && (normal.endsWith(".api.key")
                        || normal.endsWith(".jms.password"));
    }

    private static List<String> formsOf(Collection<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : values) {
            String secret = value == null ? "" : value.trim();
            if (secret.length() >= SHORTEST) {
                for (String form : List.of(secret,
                        Base64.getEncoder().encodeToString((secret + ":").getBytes(StandardCharsets.UTF_8)),
                        Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
                    forms.add(form);
                    // As a JSON string quotes it (the bodies kept in the journal are the provider's JSON as sent):
                    // PHP's json_encode also writes '/', which Base64 uses, as "\/".
                    String quoted = form.replace("\\", "\\\\").replace("\"", "\\\"");
                    forms.add(quoted);
                    forms.add(quoted.replace("/", "\\/"));
                }
            }
        }
        return longestFirst(forms);
    }

    private static List<String> longestFirst(Collection<String> forms) {
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }
}
