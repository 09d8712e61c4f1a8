package dev.strata.application.port.in.volume;

import dev.strata.application.port.in.Created;
import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Volume;

/** Makes a volume from a snapshot, on the snapshot's nodes; idempotent like a create. Needs VOLUME_WRITE. */
public interface CreateVolumeFromSnapshotUseCase {

    Created<Volume> createFromSnapshot(Principal caller, VolumeFromSnapshotCommand command);
}
