package dev.strata.application.port.in.host;

import dev.strata.application.Page;
import dev.strata.domain.access.Principal;
import dev.strata.domain.host.HostEvent;

/** The events hosts forwarded, oldest first, in pages. Needs HOST_READ. */
public interface ReadHostEventsUseCase {

    Page<HostEvent> read(Principal caller, long afterId, int limit);
}
