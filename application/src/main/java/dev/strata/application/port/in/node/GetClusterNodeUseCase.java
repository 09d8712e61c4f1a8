package dev.strata.application.port.in.node;

import dev.strata.domain.access.Principal;
import dev.strata.domain.node.StorageNode;

/** One cluster node by its number; NotExists when unknown. Needs CLUSTER_READ. */
public interface GetClusterNodeUseCase {

    StorageNode getClusterNode(Principal caller, int number);
}
