package dev.strata.application.port.in.node;

import dev.strata.domain.access.Principal;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;

/** One storage node; NotExists when unknown. Needs BACKEND_READ. */
public interface GetNodeUseCase {

    StorageNode get(Principal caller, NodeId id);
}
