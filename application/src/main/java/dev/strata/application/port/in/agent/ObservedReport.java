package dev.strata.application.port.in.agent;

import dev.strata.domain.DomainException;
import dev.strata.domain.node.AgentReport.SubsystemReport;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.volume.ReplicaId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a node's agent observed (API.md §8), checked whole before anything is changed. */
public record ObservedReport(NodeId node, long generation, String agentVersion, int intervalSeconds,
                             long totalCapacity, long freeCapacity, List<ObservedReplica> replicas,
                             List<SubsystemReport> subsystems, List<String> orphans) {

    public static final int MAX_INTERVAL_SECONDS = 3600;
    public static final int MAX_TEXT = 1024;

    /** A replica as the agent sees it: {@code Available}, {@code Missing} or {@code Failed}. */
    public record ObservedReplica(ReplicaId id, String state, long sizeBytes, String message) {
        public ObservedReplica {
            Objects.requireNonNull(id);
            if (!List.of("Available", "Missing", "Failed").contains(state)) {
                throw DomainException.invalidInput("replicas[].state must be Available, Missing or Failed");
            }
            if (sizeBytes < 0) {
                throw DomainException.invalidInput("replicas[].sizeBytes must be 0 or more");
            }
            message = message == null ? "" : message;
        }
    }

    public ObservedReport {
        Objects.requireNonNull(node);
        if (generation < 0) {
            throw DomainException.invalidInput("generation must be 0 or more");
        }
        if (agentVersion == null || agentVersion.isBlank() || agentVersion.length() > 255) {
            throw DomainException.invalidInput("agentVersion is required, at most 255 characters");
        }
        if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
            throw DomainException.invalidInput("intervalSeconds must be between 1 and " + MAX_INTERVAL_SECONDS);
        }
        if (totalCapacity < 0 || freeCapacity < 0 || freeCapacity > totalCapacity) {
            throw DomainException.invalidInput("totalCapacity and freeCapacity must be 0 or more,"
                    + " freeCapacity at most totalCapacity");
        }
        replicas = List.copyOf(replicas);
        subsystems = List.copyOf(subsystems);
        orphans = List.copyOf(orphans);
        Set<ReplicaId> seen = new HashSet<>();
        for (ObservedReplica replica : replicas) {
            if (!seen.add(replica.id())) {
                throw DomainException.invalidInput("replicas lists " + replica.id() + " twice");
            }
        }
        for (SubsystemReport subsystem : subsystems) {
            if (subsystem.nqn().isBlank() || subsystem.nqn().length() > 223) {
                throw DomainException.invalidInput("subsystems[].nqn must be 1 to 223 characters");
            }
            if (!subsystem.state().equals(SubsystemReport.APPLIED) && !subsystem.failed()) {
                throw DomainException.invalidInput("subsystems[].state must be Applied or Failed");
            }
            if (subsystem.message().length() > MAX_TEXT) {
                throw DomainException.invalidInput("subsystems[].message has at most " + MAX_TEXT + " characters");
            }
        }
        for (String orphan : orphans) {
            if (orphan == null || orphan.isBlank() || orphan.length() > 255) {
                throw DomainException.invalidInput("orphans[] must be names of 1 to 255 characters");
            }
        }
    }
}
