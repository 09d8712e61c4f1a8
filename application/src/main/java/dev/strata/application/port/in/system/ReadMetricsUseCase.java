package dev.strata.application.port.in.system;

import dev.strata.domain.access.Principal;

/** The pool's figures for a monitoring system; needs CLUSTER_READ. */
public interface ReadMetricsUseCase {

    PoolMetrics metrics(Principal caller);
}
