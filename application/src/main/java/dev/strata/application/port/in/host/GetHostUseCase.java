package dev.strata.application.port.in.host;

import dev.strata.domain.access.Principal;
import dev.strata.domain.host.HostId;

/** One host; NotExists when unknown. Needs HOST_READ. */
public interface GetHostUseCase {

    HostView get(Principal caller, HostId host);
}
