package dev.strata.application.port.in.task;

import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.host.HostId;
import java.util.Objects;

/** {@code POST [t]/connect} or {@code [t]/disconnect}: {@code {hostId, volId}}. */
public record HostActionCommand(HostId host, VolumeRef volume) {

    public HostActionCommand {
        Objects.requireNonNull(host);
        Objects.requireNonNull(volume);
    }
}
