package dev.strata.application.port.in.node;

import dev.strata.domain.access.Principal;
import dev.strata.domain.node.NodeId;

/** Removes a node from the pool; InUse while anything lives on it. Needs BACKEND_WRITE. */
public interface RemoveNodeUseCase {

    void remove(Principal caller, NodeId id);
}
