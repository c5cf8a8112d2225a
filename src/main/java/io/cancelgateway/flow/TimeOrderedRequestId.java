package io.cancelgateway.flow;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids for requests that arrive without one: UUID version 7 (RFC 9562), whose leading 48 bits are the
 * creation time in milliseconds. Ids made close in time sort close together, so the journal's primary key and
 * attempt index grow at their end instead of being written at random pages once the table outgrows the cache.
 */
public final class TimeOrderedRequestId {

    private final Clock clock;

    public TimeOrderedRequestId(Clock clock) {
        this.clock = clock;
    }

    public static TimeOrderedRequestId systemClock() {
        return new TimeOrderedRequestId(Clock.systemUTC());
    }

    /** A new id; the 74 random bits keep ids unique, they are not a secret. */
    public String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
