package dev.strata.adapters.persistence;

/** Rows of the publication tables. Public only because JDBI binds the accessors of public types alone. */
public final class PublicationRows {

    private PublicationRows() {
    }

    public record PublicationRow(String volumeId, String hostId, boolean exclusive, long publishedAt) {
    }

    public record TargetRow(String hostId, String nodeId, String name, long createdAt) {
    }

    /** A namespace with the tenant of its volume, which the reads join in. */
    public record NamespaceRow(String hostId, String nodeId, int nsid, String replicaId, String volumeId,
                               String tenantId) {
    }
}
