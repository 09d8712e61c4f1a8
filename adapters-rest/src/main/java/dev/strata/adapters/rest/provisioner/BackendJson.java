package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.agent.NodeAgentStatus;
import dev.strata.domain.Bytes;
import dev.strata.domain.node.AgentReport;
import dev.strata.domain.node.StorageNode;
import java.util.List;
import java.util.Optional;

/**
 * A backend as the provisioner dialect shows it. Capacities in whole GiB, times in epoch
 * milliseconds. Once the node's agent reports, {@code lastProbTime} is its last report and
 * {@code probeInterval} its interval in seconds, and the report's subsystem states and orphans are
 * shown; before that {@code lastProbTime} is when the node's record last changed, the interval 0,
 * {@code agentVersion} "" and {@code appliedGeneration} 0.
 */
public record BackendJson(
        String persistentID,
        String name,
        List<String> mgmtIPs,
        int mgmtPort,
        String rack,
        String region,
        String zone,
        String hostId,
        String state,
        boolean inUse,
        long totalCapacity,
        long availableCapacity,
        long provisionedCapacity,
        long totalIOPS,
        long availableIOPS,
        long totalBW,
        long availableBW,
        List<PortalJson> portals,
        long lastProbTime,
        int probeInterval,
        String agentVersion,
        long desiredGeneration,
        long appliedGeneration,
        List<SubsystemStateJson> subsystems,
        List<String> orphans) {

    /** A subsystem as the node's agent last reported it: {@code Applied}, or {@code Failed} and why. */
    public record SubsystemStateJson(String nqn, String state, String message) {
    }

    static BackendJson from(StorageNode node, Optional<NodeAgentStatus> agent) {
        Optional<AgentReport> report = agent.flatMap(NodeAgentStatus::report);
        return new BackendJson(
                node.id().value(),
                node.name(),
                node.mgmtIps(),
                node.mgmtPort(),
                node.location().rack(),
                node.location().region(),
                node.location().zone(),
                node.hostId(),
                node.state().label(),
                node.inUse(),
                Bytes.toGiB(node.totalCapacity()),
                Bytes.toGiB(node.availableCapacity()),
                Bytes.toGiB(node.provisionedCapacity()),
                node.totalIops(),
                node.availableIops(),
                node.totalBandwidth(),
                node.availableBandwidth(),
                node.portals().stream().map(PortalJson::from).toList(),
                report.map(r -> r.reportedAt().toEpochMilli()).orElse(node.updatedAt().toEpochMilli()),
                report.map(r -> (int) r.interval().toSeconds()).orElse(0),
                report.map(AgentReport::agentVersion).orElse(""),
                agent.map(NodeAgentStatus::desiredGeneration).orElse(0L),
                report.map(AgentReport::appliedGeneration).orElse(0L),
                report.map(r -> r.subsystems().stream().map(s -> new SubsystemStateJson(s.nqn(), s.state(),
                        s.message())).toList()).orElse(List.of()),
                report.map(AgentReport::orphans).orElse(List.of()));
    }
}
