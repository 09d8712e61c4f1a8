package dev.strata.application.port.in.host;

import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.host.HostId;
import java.util.Objects;

/** Publish the volume (in the tenant its path names, if any) to the host. */
public record PublishCommand(VolumeRef volume, HostId host) {

    public PublishCommand {
        Objects.requireNonNull(volume);
        Objects.requireNonNull(host);
    }
}
