package dev.strata.domain;

/**
 * Capacities are bytes in the domain. The provisioner dialect speaks whole GiB; these helpers
 * convert at the edge and refuse values that would overflow.
 */
public final class Bytes {

    public static final long GIB = 1L << 30;

    /** The largest capacity a single node or volume may declare: 1 PiB. */
    public static final long MAX_CAPACITY = 1L << 50;

    private Bytes() {
    }

    public static long ofGiB(String field, long gib) {
        if (gib < 0) {
            throw DomainException.invalidInput(field + " must not be negative");
        }
        if (gib > MAX_CAPACITY / GIB) {
            throw DomainException.invalidInput(field + " must be at most " + (MAX_CAPACITY / GIB) + " GiB");
        }
        return gib * GIB;
    }

    /** Whole GiB, rounding down; the domain only ever allocates whole GiB. */
    public static long toGiB(long bytes) {
        return bytes / GIB;
    }

    /** Rounds up to a whole GiB. */
    public static long ceilToGiB(long bytes) {
        return (bytes / GIB + (bytes % GIB == 0 ? 0 : 1)) * GIB;
    }

    /** Adds without overflow, stopping at {@link Long#MAX_VALUE}. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
