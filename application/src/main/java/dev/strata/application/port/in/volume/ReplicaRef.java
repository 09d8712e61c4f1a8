package dev.strata.application.port.in.volume;

import dev.strata.domain.volume.ReplicaId;
import java.util.Objects;

/** A replica of a volume. */
public record ReplicaRef(VolumeRef volume, ReplicaId id) {

    public ReplicaRef {
        Objects.requireNonNull(volume);
        Objects.requireNonNull(id);
    }
}
