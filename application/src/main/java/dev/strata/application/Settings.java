package dev.strata.application;

import dev.strata.domain.access.AuthMode;
import dev.strata.domain.node.OvercommitLimit;

/**
 * The operator's choices that change what use cases do.
 *
 * @param authMode       where callers are authenticated
 * @param thinOvercommit how far a node's promised capacity may exceed its media (THIN volumes)
 */
public record Settings(AuthMode authMode, OvercommitLimit thinOvercommit) {

    /** The {@code --thin-overcommit} default as a plain constant, for the command line's annotations. */
    public static final double DEFAULT_THIN_OVERCOMMIT = OvercommitLimit.DEFAULT_RATIO;

    public Settings {
        if (authMode == null) {
            throw new IllegalArgumentException("authMode is required");
        }
        if (thinOvercommit == null) {
            throw new IllegalArgumentException("thinOvercommit is required");
        }
    }
}
