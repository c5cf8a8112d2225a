package io.cancelgateway.provider;

import java.util.Locale;

/** What a provider call was for: the cancel itself, or a check of the target's status afterwards. */
public enum CallKind {
    CANCEL,
    STATUS;

    /** The name stored in the journal and shown with attempts. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallKind byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
