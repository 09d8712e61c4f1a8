package dev.strata.application.port.in.node;

import dev.strata.domain.access.Principal;
import dev.strata.domain.node.StorageNode;
import java.util.List;

/** All storage nodes, in registration order. Needs BACKEND_READ. */
public interface ListNodesUseCase {

    List<StorageNode> list(Principal caller);
}
