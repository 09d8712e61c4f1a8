package dev.strata.application.port.in.system;

import dev.strata.domain.access.AuthMode;
import java.util.Optional;

/**
 * What {@code /info} says. Everybody sees the version and the authentication mode; the pool's
 * figures only a caller with CLUSTER_READ.
 */
public record SystemInfo(String version, AuthMode authMode, Optional<Pool> pool) {

    /** Capacities in bytes. */
    public record Pool(long totalCapacity, long freeCapacity, int backends, long volumes) {
    }
}
