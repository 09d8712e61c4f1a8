package dev.strata.application.port.in.node;

import dev.strata.domain.access.Principal;
import dev.strata.domain.node.StorageNode;
import java.util.List;

/** The cluster's nodes, as {@code /v1/cluster/nodes/} shows them. Needs CLUSTER_READ. */
public interface ListClusterNodesUseCase {

    List<StorageNode> listClusterNodes(Principal caller);
}
