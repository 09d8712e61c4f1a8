package dev.strata.adapters.persistence;

/** A row of {@code snapshot_copies}. Public only because JDBI binds the accessors of public types alone. */
public record SnapshotCopyRow(String snapshotId, String nodeId, int position) {
}
