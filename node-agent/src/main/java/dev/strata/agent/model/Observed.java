package dev.strata.agent.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What the agent reports ({@code PUT /v1/agent/nodes/{persistentID}/observed}, API.md §8). */
public record Observed(long generation, String agentVersion, int intervalSeconds, long totalCapacity,
        long freeCapacity, List<ReplicaReport> replicas, List<SubsystemReport> subsystems, List<String> orphans) {

    public Observed {
        replicas = List.copyOf(replicas);
        subsystems = List.copyOf(subsystems);
        orphans = List.copyOf(orphans);
    }

    public enum ReplicaState { Available, Missing, Failed }

    public enum SubsystemState { Applied, Failed }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReplicaReport(String uuid, ReplicaState state, long sizeBytes, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubsystemReport(String nqn, SubsystemState state, String message) {
    }

    /** Whether everything in the document was applied: every replica there, every subsystem applied. */
    public boolean fullyApplied() {
        return replicas.stream().allMatch(r -> r.state() == ReplicaState.Available)
                && subsystems.stream().allMatch(s -> s.state() == SubsystemState.Applied);
    }
}
