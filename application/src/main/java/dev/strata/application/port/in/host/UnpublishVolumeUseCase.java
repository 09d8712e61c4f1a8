package dev.strata.application.port.in.host;

import dev.strata.domain.access.Principal;
import dev.strata.domain.host.HostId;
import java.util.List;

/**
 * Removes a volume's namespaces from the host's targets (or every host's), and the targets left
 * empty. What is not published stays unpublished and succeeds. Returns the hosts it was
 * unpublished from. Needs HOST_WRITE.
 */
public interface UnpublishVolumeUseCase {

    List<HostId> unpublish(Principal caller, UnpublishCommand command);
}
