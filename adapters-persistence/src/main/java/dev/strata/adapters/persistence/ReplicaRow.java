package dev.strata.adapters.persistence;

/** A row of {@code replicas}. Public only because JDBI binds the accessors of public types alone. */
public record ReplicaRow(String id, String volumeId, String nodeId, int position, String state, long stateTime) {
}
