package dev.strata.application.port.in.node;

import dev.strata.domain.access.Principal;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.StorageNode;

/** Adds a storage node to the pool. Its management IPs must be new. Needs BACKEND_WRITE. */
public interface RegisterNodeUseCase {

    StorageNode register(Principal caller, NodeDeclaration declaration);
}
