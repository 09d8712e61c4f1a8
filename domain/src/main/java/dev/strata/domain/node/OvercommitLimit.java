package dev.strata.domain.node;

/**
 * How far a node's promised capacity may exceed its media: a node with {@code T} bytes of media
 * promises hosts at most {@code T × ratio} bytes. THICK volumes promise what they take, so only
 * THIN volumes can use the difference.
 *
 * @param ratio from {@link #MIN} (promise no more than the media) to {@link #MAX}
 */
public record OvercommitLimit(double ratio) {

    public static final double MIN = 1.0;
    public static final double MAX = 100.0;
    /** The ratio when the operator sets none ({@code --thin-overcommit}). */
    public static final double DEFAULT_RATIO = 4.0;
    public static final OvercommitLimit DEFAULT = new OvercommitLimit(DEFAULT_RATIO);

    public OvercommitLimit {
        // also refuses NaN, which compares false with everything
        if (!(ratio >= MIN && ratio <= MAX)) {
            throw new IllegalArgumentException("thin overcommit must be between 1 and 100, not " + ratio);
        }
    }

    /** The most a node with {@code totalCapacity} bytes of media may promise, bytes. */
    public long promiseLimit(long totalCapacity) {
        return (long) Math.min(Long.MAX_VALUE, totalCapacity * ratio);
    }

    /** The ratio as the operator wrote it, e.g. {@code 4.0}. */
    @Override
    public String toString() {
        return Double.toString(ratio);
    }
}
