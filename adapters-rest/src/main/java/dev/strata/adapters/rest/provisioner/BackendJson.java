package dev.strata.adapters.rest.provisioner;

import dev.strata.domain.Bytes;
import dev.strata.domain.node.StorageNode;
import java.util.List;

/**
 * A backend as the provisioner dialect shows it. Capacities in whole GiB, times in epoch
 * milliseconds. Strata does not probe nodes yet: {@code lastProbTime} is when the node's record
 * last changed and {@code probeInterval} is 0.
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
        int probeInterval) {

    static BackendJson from(StorageNode node) {
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
                node.updatedAt().toEpochMilli(),
                0);
    }
}
