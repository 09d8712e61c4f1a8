package dev.strata.adapters.rest.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.domain.node.StorageNode;

/**
 * A node as Qumulo's {@code /v1/cluster/nodes/} shows one. The {@code label} is the node's first
 * management address, the {@code serial_number} its declared host id; Strata does not know a
 * storage node's model or MAC address, so those are "".
 */
public record ClusterNodeJson(
        int id,
        @JsonProperty("node_status") String nodeStatus,
        @JsonProperty("node_name") String nodeName,
        String uuid,
        String label,
        @JsonProperty("model_number") String modelNumber,
        @JsonProperty("serial_number") String serialNumber,
        @JsonProperty("mac_address") String macAddress,
        @JsonProperty("capacity_in_bytes") String capacityInBytes) {

    static ClusterNodeJson from(StorageNode node) {
        String status = switch (node.state()) {
            case AVAILABLE -> "online";
            case MAINTENANCE -> "maintenance";
            case UNAVAILABLE -> "offline";
        };
        return new ClusterNodeJson(node.number(), status, node.name(), node.id().value(), node.mgmtIps().get(0), "",
                node.hostId(), "", Long.toString(node.totalCapacity()));
    }
}
