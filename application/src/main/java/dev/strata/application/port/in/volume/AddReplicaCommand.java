package dev.strata.application.port.in.volume;

import dev.strata.domain.node.LocationFilter;
import java.util.Objects;
import java.util.Optional;

/**
 * One more replica for a volume. Absent filters and rack rule fall back to the volume's storage
 * class.
 */
public record AddReplicaCommand(VolumeRef volume, Optional<LocationFilter> filter,
                                Optional<Boolean> sameRackAllowed) {

    public AddReplicaCommand {
        Objects.requireNonNull(volume);
        Objects.requireNonNull(filter);
        Objects.requireNonNull(sameRackAllowed);
    }
}
