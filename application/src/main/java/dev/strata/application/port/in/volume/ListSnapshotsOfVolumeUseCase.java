package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Snapshot;
import java.util.List;

/** A volume's snapshots, oldest first; NotExists when the volume is unknown. Needs VOLUME_READ. */
public interface ListSnapshotsOfVolumeUseCase {

    List<Snapshot> ofVolume(Principal caller, VolumeRef volume);
}
