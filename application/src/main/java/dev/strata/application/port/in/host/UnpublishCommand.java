package dev.strata.application.port.in.host;

import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.host.HostId;
import java.util.Objects;
import java.util.Optional;

/** Unpublish the volume from the host, or from every host it is published to when none is named. */
public record UnpublishCommand(VolumeRef volume, Optional<HostId> host) {

    public UnpublishCommand {
        Objects.requireNonNull(volume);
        Objects.requireNonNull(host);
    }
}
