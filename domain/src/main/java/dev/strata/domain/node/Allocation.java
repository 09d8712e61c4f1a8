package dev.strata.domain.node;

/**
 * What one replica or snapshot takes from a node.
 *
 * @param capacity    bytes reserved on the node's media (THICK: the volume's size; THIN: its reserve)
 * @param provisioned bytes promised to the host (the volume's size), bounded by the overcommit ratio
 * @param iops        IOPS reserved
 * @param bandwidth   bandwidth reserved, bytes per second
 */
public record Allocation(long capacity, long provisioned, long iops, long bandwidth) {

    public static final Allocation NONE = new Allocation(0, 0, 0, 0);

    public Allocation {
        if (capacity < 0 || provisioned < 0 || iops < 0 || bandwidth < 0) {
            throw new IllegalArgumentException("an allocation is never negative");
        }
    }

    public Allocation plus(Allocation other) {
        return new Allocation(
                Math.addExact(capacity, other.capacity),
                Math.addExact(provisioned, other.provisioned),
                Math.addExact(iops, other.iops),
                Math.addExact(bandwidth, other.bandwidth));
    }

    /** True when this is at least {@code other} in every figure: it can give {@code other} back. */
    public boolean covers(Allocation other) {
        return capacity >= other.capacity && provisioned >= other.provisioned && iops >= other.iops
                && bandwidth >= other.bandwidth;
    }

    public Allocation minus(Allocation other) {
        return new Allocation(
                capacity - other.capacity,
                provisioned - other.provisioned,
                iops - other.iops,
                bandwidth - other.bandwidth);
    }
}
