package dev.strata.application.port.in.host;

import dev.strata.application.port.in.Created;
import dev.strata.domain.access.Principal;
import dev.strata.domain.host.Host;

/**
 * Registers a host on its first probe and renews its heartbeat on every later one. An NQN that
 * belongs to another host is AlreadyExists; a host with publications keeps its NQN (InUse).
 * Needs HOST_WRITE.
 */
public interface ProbeHostUseCase {

    Created<Host> probe(Principal caller, ProbeHostCommand command);
}
