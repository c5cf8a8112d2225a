package io.cancelgateway.provider;

import java.util.regex.Pattern;

/**
 * Recognises provider messages that say the target was already cancelled, as opposed to messages that merely say a
 * cancel is impossible ("cannot be cancelled"). Providers that state no structured status for this case are read
 * through their wording.
 */
public final class CancelledWording {

    // Possessive runs of blanks: what follows a run never starts with one, and a run given back piece by piece made a
    // long run of blanks after "status" cost quadratic time.
    private static final Pattern ALREADY_CANCELLED = Pattern.compile(
            "\\balready\\s++cancell?ed\\b|\\bstatus\\s*+(?:is|:|=)?\\s*+cancell?ed\\b", Pattern.CASE_INSENSITIVE);

    private CancelledWording() {
    }

    public static boolean statesAlreadyCancelled(String... texts) {
        for (String text : texts) {
            if (text != null && ALREADY_CANCELLED.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
