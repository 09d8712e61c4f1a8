package dev.strata.application;

import dev.strata.domain.access.AuthMode;

/**
 * The operator's choices that change what use cases do.
 *
 * @param authMode       where callers are authenticated
 * @param thinOvercommit how far a node's promised capacity may exceed its media (THIN volumes)
 */
public record Settings(AuthMode authMode, double thinOvercommit) {

    public static final double DEFAULT_THIN_OVERCOMMIT = 4.0;

    public Settings {
        if (authMode == null) {
            throw new IllegalArgumentException("authMode is required");
        }
        if (!(thinOvercommit >= 1.0 && thinOvercommit <= 100.0)) {
            throw new IllegalArgumentException("thin overcommit must be between 1 and 100");
        }
    }
}
