package dev.strata.domain.node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a node's agent last reported (API.md §8): its heartbeat, the generation it applied, what it
 * measured, the state of each subsystem it exports, and backing data Strata does not know.
 *
 * @param interval how often the agent reports; three intervals without a report make it silent
 */
public record AgentReport(
        NodeId node,
        Instant reportedAt,
        Duration interval,
        String agentVersion,
        long appliedGeneration,
        long totalCapacity,
        long freeCapacity,
        List<SubsystemReport> subsystems,
        List<String> orphans) {

    /** How many intervals a node may miss before it counts as silent. */
    public static final int MISSED_INTERVALS = 3;

    /** One subsystem as the agent sees it: {@code Applied} or {@code Failed} with a message. */
    public record SubsystemReport(String nqn, String state, String message) {
        public static final String APPLIED = "Applied";
        public static final String FAILED = "Failed";

        public SubsystemReport {
            Objects.requireNonNull(nqn);
            Objects.requireNonNull(state);
            message = message == null ? "" : message;
        }

        public boolean failed() {
            return state.equals(FAILED);
        }
    }

    public AgentReport {
        Objects.requireNonNull(node);
        Objects.requireNonNull(reportedAt);
        Objects.requireNonNull(interval);
        Objects.requireNonNull(agentVersion);
        subsystems = List.copyOf(subsystems);
        orphans = List.copyOf(orphans);
    }

    /** True once {@value #MISSED_INTERVALS} intervals have passed since the report. */
    public boolean silentAt(Instant now) {
        return now.isAfter(reportedAt.plus(interval.multipliedBy(MISSED_INTERVALS)));
    }
}
