package dev.strata.application.port.in.host;

import dev.strata.application.port.in.Created;
import dev.strata.domain.access.Principal;
import dev.strata.domain.host.Publication;

/**
 * Publishes a volume of the caller's tenant to a host: for each replica, one target per (host,
 * node) holding the replica as a namespace, granted to the host's NQN. Again to the same host
 * changes nothing ({@code isNew} false); a writable volume published to another host is
 * AlreadyPublished. Needs HOST_WRITE.
 */
public interface PublishVolumeUseCase {

    Created<Publication> publish(Principal caller, PublishCommand command);
}
