package dev.strata.agent.model;

import dev.strata.domain.host.TargetName;

/** The names the agent recognises as Strata's. */
public final class Naming {

    /** A subsystem is Strata's when its NQN starts with this: Strata's own NQN prefix and a colon. */
    public static final String PREFIX = TargetName.STRATA_PREFIX + ":";

    private Naming() {
    }
}
