package io.cancelgateway.journal;

import java.util.List;

/**
 * The places for status checks, by provider: {@link CancelJournal#leaseDue} leases the due results of each provider in
 * turn, asks before each lease whether the provider has a place left and tells it each result it leased.
 */
public interface CheckPlaces {

    /** The providers whose results are followed, in the order this poll leases them; each call is the next poll's. */
    List<String> leaseOrder();

    /** Whether every place this provider may take now is taken. */
    boolean full(String provider);

    /** A result of this provider was leased: its check takes a place. */
    void taken(String provider);
}
