package dev.strata.application.port.in.cluster;

import dev.strata.domain.access.Principal;

/** The cluster at a glance, for the console's dashboard; needs CLUSTER_READ. */
public interface ReadClusterSummaryUseCase {

    ClusterSummary summary(Principal caller, ClusterSummaryQuery query);
}
