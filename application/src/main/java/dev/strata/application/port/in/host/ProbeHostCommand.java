package dev.strata.application.port.in.host;

import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A host's probe: who it is and what it says of itself.
 *
 * @param multipath whether the host runs native NVMe multipath
 * @param usedNsids the nsids in use on the host, when the probe says; empty keeps the last ones
 */
public record ProbeHostCommand(HostId host, HostDetails details, boolean multipath, Optional<Set<Integer>> usedNsids) {

    public ProbeHostCommand {
        Objects.requireNonNull(host);
        Objects.requireNonNull(details);
        usedNsids = usedNsids.map(Set::copyOf);
    }

    public ProbeHostCommand(HostId host, HostDetails details) {
        this(host, details, false, Optional.empty());
    }
}
