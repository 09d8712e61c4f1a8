package dev.strata.application.port.in.host;

import dev.strata.domain.access.Principal;
import dev.strata.domain.host.HostId;

/** Forgets a host; InUse while any volume is published to it. Needs HOST_WRITE. */
public interface RemoveHostUseCase {

    void remove(Principal caller, HostId host);
}
