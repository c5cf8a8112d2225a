package io.cancelgateway.journal;

/**
 * The places for status checks, by provider: {@link CancelJournal#leaseDue} asks before each lease whether a result of
 * this provider may start a check now, and tells each one it leased.
 */
public interface CheckPlaces {

    /** Whether a check at this provider may not start now. */
    boolean full(String provider);

    /** A result of this provider was leased: its check takes a place. */
    void taken(String provider);
}
