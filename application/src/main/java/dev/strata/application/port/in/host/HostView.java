package dev.strata.application.port.in.host;

import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostState;

/** A host and whether it is alive now. */
public record HostView(Host host, HostState state) {
}
