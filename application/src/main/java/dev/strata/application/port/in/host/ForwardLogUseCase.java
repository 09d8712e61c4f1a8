package dev.strata.application.port.in.host;

import dev.strata.domain.access.Principal;
import dev.strata.domain.host.HostEvent;

/** {@code POST /forward_log}: a host's event, kept for operators and audited. Needs HOST_WRITE. */
public interface ForwardLogUseCase {

    HostEvent forward(Principal caller, HostEvent event);
}
