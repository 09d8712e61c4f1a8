package dev.strata.application.mother;

import dev.strata.domain.Bytes;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.Portal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test storage nodes: {@code NodeDeclarations.aNode().inRack("r1").withCapacityGiB(100).build()}. */
public final class NodeDeclarations {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private List<String> mgmtIps;
    private int mgmtPort = NodeDeclaration.DEFAULT_MGMT_PORT;
    private String name = "";
    private Location location = Location.NOWHERE;
    private String hostId = "";
    private long capacityGiB = 1024;
    private long iops;
    private long bandwidth;
    private final List<Portal> portals = new ArrayList<>();

    private NodeDeclarations() {
        int n = NEXT_ADDRESS.getAndIncrement();
        mgmtIps = List.of("10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
    }

    /** A node with a fresh management address, 1 TiB, no labels. */
    public static NodeDeclarations aNode() {
        return new NodeDeclarations();
    }

    public NodeDeclarations withMgmtIps(String... ips) {
        mgmtIps = List.of(ips);
        return this;
    }

    public NodeDeclarations named(String newName) {
        name = newName;
        return this;
    }

    public NodeDeclarations inRack(String rack) {
        location = location.withRack(rack);
        return this;
    }

    public NodeDeclarations inZone(String zone) {
        location = location.withZone(zone);
        return this;
    }

    public NodeDeclarations inRegion(String region) {
        location = location.withRegion(region);
        return this;
    }

    public NodeDeclarations withCapacityGiB(long gib) {
        capacityGiB = gib;
        return this;
    }

    public NodeDeclarations withIops(long value) {
        iops = value;
        return this;
    }

    public NodeDeclarations withBandwidth(long value) {
        bandwidth = value;
        return this;
    }

    public NodeDeclarations withPortal(Portal portal) {
        portals.add(portal);
        return this;
    }

    public NodeDeclarations withHostId(String value) {
        hostId = value;
        return this;
    }

    public NodeDeclarations withMgmtPort(int port) {
        mgmtPort = port;
        return this;
    }

    public NodeDeclaration build() {
        return new NodeDeclaration(mgmtIps, mgmtPort, name, location, hostId, capacityGiB * Bytes.GIB, iops,
                bandwidth, List.copyOf(portals));
    }
}
