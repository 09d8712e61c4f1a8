package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Snapshot;

/** One snapshot of the tenant; NotExists when unknown there. Needs VOLUME_READ. */
public interface GetSnapshotUseCase {

    Snapshot get(Principal caller, SnapshotRef snapshot);
}
