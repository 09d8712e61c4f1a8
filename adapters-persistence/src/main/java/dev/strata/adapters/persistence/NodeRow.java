package dev.strata.adapters.persistence;

/** A row of {@code nodes}. Public only because JDBI binds the accessors of public types alone. */
public record NodeRow(
        String id,
        int number,
        String name,
        int mgmtPort,
        String rack,
        String zone,
        String region,
        String hostId,
        String state,
        long totalCapacity,
        long totalIops,
        long totalBandwidth,
        long allocatedCapacity,
        long provisionedCapacity,
        long allocatedIops,
        long allocatedBandwidth,
        long registeredAt,
        long updatedAt) {
}
