package dev.strata.adapters.persistence;

/** A row of {@code volumes}. Public only because JDBI binds the accessors of public types alone. */
public record VolumeRow(
        String id,
        String tenantId,
        String alias,
        long capacity,
        String provisioning,
        int reservedPct,
        String protocol,
        int numReplicas,
        String racks,
        String zones,
        String regions,
        boolean sameRackAllowed,
        int blockSize,
        long maxIopsPerGb,
        long desiredIopsPerGb,
        long maxBwPerGb,
        long desiredBwPerGb,
        long maxReplicaDownTime,
        String className,
        String snapshotId,
        boolean writable,
        long createdAt) {
}
