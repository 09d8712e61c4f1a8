package dev.strata.application.port.in.host;

import dev.strata.domain.access.Principal;
import java.util.List;
import java.util.Optional;

/** All hosts, or those with exactly the given name, by id. Needs HOST_READ. */
public interface ListHostsUseCase {

    List<HostView> list(Principal caller, Optional<String> name);
}
