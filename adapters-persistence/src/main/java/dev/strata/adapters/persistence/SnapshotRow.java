package dev.strata.adapters.persistence;

/** A row of {@code snapshots}. Public only because JDBI binds the accessors of public types alone. */
public record SnapshotRow(String id, String tenantId, String alias, String volumeId, long capacity, int reservedPct,
                          long createdAt) {
}
