package dev.strata.domain.volume;

import dev.strata.domain.DomainException;
import dev.strata.domain.Text;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.LocationFilter;

/**
 * How a volume is laid out and served: how many replicas, where they may go, block size, and
 * performance figures per GiB (0 means no limit, or nothing reserved).
 *
 * @param maxReplicaDownTime minutes a replica may be away before it is replaced (recorded only)
 */
public record StorageClass(
        int numReplicas,
        LocationFilter filter,
        boolean sameRackAllowed,
        int blockSize,
        long maxIopsPerGb,
        long desiredIopsPerGb,
        long maxBwPerGb,
        long desiredBwPerGb,
        long maxReplicaDownTime,
        String name) {

    public static final int MAX_REPLICAS = 4;
    /** A bound on the per-GiB figures that keeps their products with any capacity far from overflow. */
    public static final long MAX_PER_GB = 1_000_000_000L;

    public static final StorageClass DEFAULT = new StorageClass(1, LocationFilter.ANY, false, 4096, 0, 0, 0, 0, 0, "");

    public StorageClass {
        if (numReplicas < 1 || numReplicas > MAX_REPLICAS) {
            throw DomainException.invalidInput("storageClass.numReplicas must be between 1 and " + MAX_REPLICAS);
        }
        filter = filter == null ? LocationFilter.ANY : filter;
        if (blockSize != 512 && blockSize != 4096) {
            throw DomainException.invalidInput("storageClass.blockSize must be 512 or 4096");
        }
        requirePerGb("storageClass.maxIOPSPerGB", maxIopsPerGb);
        requirePerGb("storageClass.desiredIOPSPerGB", desiredIopsPerGb);
        requirePerGb("storageClass.maxBWPerGB", maxBwPerGb);
        requirePerGb("storageClass.desiredBWPerGB", desiredBwPerGb);
        if (maxIopsPerGb > 0 && desiredIopsPerGb > maxIopsPerGb) {
            throw DomainException.invalidInput("storageClass.desiredIOPSPerGB must not exceed maxIOPSPerGB");
        }
        if (maxBwPerGb > 0 && desiredBwPerGb > maxBwPerGb) {
            throw DomainException.invalidInput("storageClass.desiredBWPerGB must not exceed maxBWPerGB");
        }
        if (maxReplicaDownTime < 0 || maxReplicaDownTime > 525_600) {
            throw DomainException.invalidInput("storageClass.maxReplicaDownTime must be between 0 and 525600 minutes");
        }
        name = Text.optional("storageClass.name", name, Location.MAX_LABEL);
    }

    /** A per-GiB figure: from 0 (no limit, nothing reserved) to {@link #MAX_PER_GB}. */
    public static long requirePerGb(String field, long value) {
        if (value < 0 || value > MAX_PER_GB) {
            throw DomainException.invalidInput(field + " must be between 0 and " + MAX_PER_GB);
        }
        return value;
    }

    public StorageClass withNumReplicas(int count) {
        return new StorageClass(count, filter, sameRackAllowed, blockSize, maxIopsPerGb, desiredIopsPerGb, maxBwPerGb,
                desiredBwPerGb, maxReplicaDownTime, name);
    }

    public StorageClass withLimits(long newMaxIopsPerGb, long newMaxBwPerGb) {
        return new StorageClass(numReplicas, filter, sameRackAllowed, blockSize, newMaxIopsPerGb,
                Math.min(desiredIopsPerGb, newMaxIopsPerGb == 0 ? desiredIopsPerGb : newMaxIopsPerGb),
                newMaxBwPerGb, Math.min(desiredBwPerGb, newMaxBwPerGb == 0 ? desiredBwPerGb : newMaxBwPerGb),
                maxReplicaDownTime, name);
    }
}
