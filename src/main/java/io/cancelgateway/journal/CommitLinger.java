package io.cancelgateway.journal;

/**
 * How long the journal's writer waits for more writes before it commits a batch. A commit has a fixed cost (on H2 a
 * new chunk with every changed page, on PostgreSQL a WAL flush and a round trip) that dominates a batch of one or two
 * writes, so under load a short wait for a fuller batch costs each write a little latency and saves most of the CPU.
 * It waits only where the arrival rate promises a worthwhile batch within {@code linger}: a quiet service commits
 * each write at once, as before.
 */
final class CommitLinger {

    /** Writes a batch is waited for: at 16 the fixed cost is a small part of each write's. */
    static final int TARGET_BATCH = 16;
    /** A wait that would gather fewer writes than this is not worth its latency. */
    static final int WORTHWHILE_WRITES = 4;
    /** Weight of the newest batch in the arrival rate. */
    private static final double SMOOTHING = 0.2;

    private final long lingerNanos;
    private double writesPerNano;
    private long lastBatchAt = -1;

    CommitLinger(long lingerNanos) {
        this.lingerNanos = lingerNanos;
    }

    /** Notes a batch taken at {@code now} with {@code writes} writes: the rate they arrived at since the last one. */
    void observe(int writes, long now) {
        if (lastBatchAt >= 0 && now > lastBatchAt) {
            double rate = (double) writes / (now - lastBatchAt);
            writesPerNano = writesPerNano == 0 ? rate : SMOOTHING * rate + (1 - SMOOTHING) * writesPerNano;
        }
        lastBatchAt = now;
    }

    /** How long to wait for more writes to a batch of {@code batchSize} taken just now. */
    long waitNanos(int batchSize) {
        return waitNanos(batchSize, writesPerNano, lingerNanos);
    }

    /**
     * The wait for the rest of a target batch at the arrival rate, at most the linger, and none when the linger
     * would not gather {@link #WORTHWHILE_WRITES} writes or the batch is already full enough.
     */
    static long waitNanos(int batchSize, double writesPerNano, long lingerNanos) {
        if (batchSize >= TARGET_BATCH || writesPerNano * lingerNanos < WORTHWHILE_WRITES) {
            return 0;
        }
        return Math.min(lingerNanos, (long) Math.ceil((TARGET_BATCH - batchSize) / writesPerNano));
    }
}
