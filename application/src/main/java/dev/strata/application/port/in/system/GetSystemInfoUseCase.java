package dev.strata.application.port.in.system;

import dev.strata.domain.access.Principal;

/** Public; the pool's figures need CLUSTER_READ. */
public interface GetSystemInfoUseCase {

    SystemInfo info(Principal caller);
}
