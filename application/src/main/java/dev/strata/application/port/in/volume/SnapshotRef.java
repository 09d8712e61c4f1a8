package dev.strata.application.port.in.volume;

import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.SnapshotId;
import java.util.Objects;
import java.util.Optional;

/** A snapshot as a request names it: by id, in the tenant the path names (if any). */
public record SnapshotRef(Optional<TenantId> tenant, SnapshotId id) {

    public SnapshotRef {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(id);
    }
}
