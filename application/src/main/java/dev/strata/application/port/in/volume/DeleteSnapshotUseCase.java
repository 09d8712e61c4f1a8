package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;

/** Deletes a snapshot and gives its reserve back; refused while a volume made from it exists. Needs VOLUME_WRITE. */
public interface DeleteSnapshotUseCase {

    void delete(Principal caller, SnapshotRef snapshot);
}
