package dev.strata.application.fake;

import dev.strata.application.port.out.Readiness;

/** Readiness a test can switch. */
public final class InMemoryReadiness implements Readiness {

    private volatile boolean reachable = true;

    public void reachable(boolean value) {
        reachable = value;
    }

    @Override
    public boolean databaseReachable() {
        return reachable;
    }
}
