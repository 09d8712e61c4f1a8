package dev.strata.application.port.in.host;

import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import java.util.Objects;

/** A host's probe: who it is and what it says of itself. */
public record ProbeHostCommand(HostId host, HostDetails details) {

    public ProbeHostCommand {
        Objects.requireNonNull(host);
        Objects.requireNonNull(details);
    }
}
