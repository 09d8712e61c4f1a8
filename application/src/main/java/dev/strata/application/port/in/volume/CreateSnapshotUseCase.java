package dev.strata.application.port.in.volume;

import dev.strata.application.port.in.Created;
import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Snapshot;

/** Snapshots a volume on the nodes of its replicas; the same request again answers the existing snapshot. Needs VOLUME_WRITE. */
public interface CreateSnapshotUseCase {

    Created<Snapshot> create(Principal caller, CreateSnapshotCommand command);
}
