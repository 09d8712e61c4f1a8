package dev.strata.adapters.rest.agent;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.agent.ObservedReport;
import dev.strata.application.port.in.agent.ObservedReport.ObservedReplica;
import dev.strata.domain.DomainException;
import dev.strata.domain.node.AgentReport.SubsystemReport;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.volume.ReplicaId;
import java.util.List;

/** The body of {@code PUT /v1/agent/nodes/{id}/observed} (API.md §8). */
record ObservedRequest(Long generation, String agentVersion, Integer intervalSeconds, Long totalCapacity,
                       Long freeCapacity, List<ReplicaRequest> replicas, List<SubsystemRequest> subsystems,
                       List<String> orphans) {

    record ReplicaRequest(String uuid, String state, Long sizeBytes, String message) {
    }

    record SubsystemRequest(String nqn, String state, String message) {
    }

    ObservedReport toCommand(NodeId node) {
        return new ObservedReport(node, required("generation", generation), agentVersion,
                required("intervalSeconds", intervalSeconds), required("totalCapacity", totalCapacity),
                required("freeCapacity", freeCapacity),
                list("replicas", replicas).stream().map(r -> new ObservedReplica(replica(r.uuid()),
                        r.state() == null ? "" : r.state(), required("replicas[].sizeBytes", r.sizeBytes()),
                        r.message())).toList(),
                list("subsystems", subsystems).stream().map(s -> new SubsystemReport(
                        s.nqn() == null ? "" : s.nqn(), s.state() == null ? "" : s.state(), s.message())).toList(),
                orphans == null ? List.of() : Bodies.noNulls("orphans", orphans));
    }

    private static <T> List<T> list(String field, List<T> list) {
        return list == null ? List.of() : Bodies.noNulls(field, list);
    }

    private static ReplicaId replica(String uuid) {
        return ReplicaId.parse("replicas[].uuid", required("replicas[].uuid", uuid));
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw DomainException.invalidInput(field + " is required");
        }
        return value;
    }
}
