package dev.strata.application.port.in.node;

import dev.strata.domain.access.Principal;
import dev.strata.domain.node.StorageNode;

/** Relabels a node or moves it in or out of maintenance. Needs BACKEND_WRITE. */
public interface UpdateNodeUseCase {

    StorageNode update(Principal caller, UpdateNodeCommand command);
}
