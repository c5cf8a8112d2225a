package io.cancelgateway.provider;

/** A text a provider sent (its status, code or message) as results show it: at most {@link #MAX_CHARS} characters. */
public final class ProviderText {

    /** Providers' codes and messages are a sentence at most; a longer text is cut rather than stored and answered. */
    static final int MAX_CHARS = 256;
    private static final String CUT = "…";

    private ProviderText() {
    }

    /** The text, cut to {@value #MAX_CHARS} characters with an ellipsis at its end when it was longer. */
    public static String shown(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }
}
