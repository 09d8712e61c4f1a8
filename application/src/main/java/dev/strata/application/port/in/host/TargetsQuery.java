package dev.strata.application.port.in.host;

import dev.strata.domain.DomainException;
import dev.strata.domain.host.HostId;
import dev.strata.domain.volume.VolumeId;
import java.util.Objects;
import java.util.Optional;

/** The targets of a host, or those exposing a volume, or both at once; at least one is given. */
public record TargetsQuery(Optional<HostId> host, Optional<VolumeId> volume) {

    public TargetsQuery {
        Objects.requireNonNull(host);
        Objects.requireNonNull(volume);
        if (host.isEmpty() && volume.isEmpty()) {
            throw DomainException.invalidInput("hostId or volId is required");
        }
    }
}
