package dev.strata.adapters.rest.provisioner;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.domain.Bytes;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.NodeDeclaration;
import java.util.List;
import java.util.stream.IntStream;

/** {@code POST /backends}: what a storage node declares. Capacities in GiB. */
public record BackendRegistration(
        List<String> mgmtIPs,
        Integer mgmtPort,
        String name,
        String rack,
        String region,
        String zone,
        String hostId,
        Long totalCapacity,
        Long totalIOPS,
        Long totalBW,
        List<PortalJson> portals) {

    NodeDeclaration toDeclaration() {
        Bodies.noNulls("portals", portals);
        return new NodeDeclaration(
                Bodies.noNulls("mgmtIPs", mgmtIPs),
                mgmtPort == null ? NodeDeclaration.DEFAULT_MGMT_PORT : mgmtPort,
                name,
                new Location(rack, zone, region),
                hostId,
                totalCapacity == null ? 0 : Bytes.ofGiB("totalCapacity", totalCapacity),
                totalIOPS == null ? 0 : totalIOPS,
                totalBW == null ? 0 : totalBW,
                portals == null ? null
                        : IntStream.range(0, portals.size()).mapToObj(i -> portals.get(i).toPortal(i)).toList());
    }
}
