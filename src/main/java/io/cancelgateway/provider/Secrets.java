package io.cancelgateway.provider;

/** Masks secret values for anything that may be logged or stored. */
public final class Secrets {

    private Secrets() {
    }

    /** Keeps at most the first four characters, so that operators can tell keys apart without learning them. */
    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.length() <= 8) {
            return "****";
        }
        return secret.substring(0, 4) + "****";
    }
}
