package dev.strata.application.port.out;

/** Whether the database answers. */
public interface Readiness {

    boolean databaseReachable();
}
