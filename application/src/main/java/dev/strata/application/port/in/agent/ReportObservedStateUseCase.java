package dev.strata.application.port.in.agent;

import dev.strata.domain.access.Principal;

/** A node's agent reports what it observed; the report is also the node's heartbeat. */
public interface ReportObservedStateUseCase {

    void report(Principal caller, ObservedReport report);
}
