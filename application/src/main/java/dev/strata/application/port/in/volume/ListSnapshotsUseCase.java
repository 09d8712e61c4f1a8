package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Snapshot;
import java.util.List;
import java.util.Optional;

/** The tenant's snapshots, by id. Needs VOLUME_READ. */
public interface ListSnapshotsUseCase {

    List<Snapshot> list(Principal caller, Optional<TenantId> tenant);
}
