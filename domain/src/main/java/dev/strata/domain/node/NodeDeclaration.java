package dev.strata.domain.node;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a storage node declares about itself when it is registered: how to manage it, where it
 * stands, what it holds and where hosts reach it. Capacities in bytes.
 */
public record NodeDeclaration(
        List<String> mgmtIps,
        int mgmtPort,
        String name,
        Location location,
        String hostId,
        long totalCapacity,
        long totalIops,
        long totalBandwidth,
        List<Portal> portals) {

    public static final int DEFAULT_MGMT_PORT = 8090;
    public static final int MAX_MGMT_IPS = 16;
    public static final int MAX_PORTALS = 64;

    public NodeDeclaration {
        if (mgmtIps == null || mgmtIps.isEmpty()) {
            throw DomainException.invalidInput("mgmtIPs is required and must name at least one address");
        }
        if (mgmtIps.size() > MAX_MGMT_IPS) {
            throw DomainException.invalidInput("mgmtIPs may name at most " + MAX_MGMT_IPS + " addresses");
        }
        Set<String> ips = new LinkedHashSet<>();
        for (String ip : mgmtIps) {
            if (!ips.add(IpAddress.canonical("mgmtIPs", ip))) {
                throw DomainException.invalidInput("mgmtIPs names " + ip + " twice");
            }
        }
        mgmtIps = List.copyOf(ips);
        if (mgmtPort < 1 || mgmtPort > 65535) {
            throw DomainException.invalidInput("mgmtPort must be between 1 and 65535");
        }
        name = Text.optional("name", name, Location.MAX_LABEL);
        if (name.isBlank()) {
            name = mgmtIps.get(0);
        }
        location = location == null ? Location.NOWHERE : location;
        hostId = Text.optional("hostId", hostId, Location.MAX_LABEL);
        requireWithin("totalCapacity", totalCapacity, Bytes.MAX_CAPACITY);
        requireWithin("totalIOPS", totalIops, Long.MAX_VALUE / 4);
        requireWithin("totalBW", totalBandwidth, Long.MAX_VALUE / 4);
        if (portals == null || portals.isEmpty()) {
            portals = List.of(new Portal(mgmtIps.get(0), Portal.NVME_OF_PORT, Transport.TCP));
        } else if (portals.size() > MAX_PORTALS) {
            throw DomainException.invalidInput("portals may list at most " + MAX_PORTALS + " entries");
        } else {
            List<Portal> distinct = new ArrayList<>(new LinkedHashSet<>(portals));
            if (distinct.size() != portals.size()) {
                throw DomainException.invalidInput("portals lists the same portal twice");
            }
            portals = List.copyOf(distinct);
        }
    }

    /** The same declaration with the capacity the node's agent measured. */
    public NodeDeclaration withTotalCapacity(long newTotalCapacity) {
        return new NodeDeclaration(mgmtIps, mgmtPort, name, location, hostId, newTotalCapacity, totalIops,
                totalBandwidth, portals);
    }

    public NodeDeclaration withLocation(Location newLocation) {
        return new NodeDeclaration(mgmtIps, mgmtPort, name, newLocation, hostId, totalCapacity, totalIops,
                totalBandwidth, portals);
    }

    private static void requireWithin(String field, long value, long max) {
        if (value < 0) {
            throw DomainException.invalidInput(field + " must not be negative");
        }
        if (value > max) {
            throw DomainException.invalidInput(field + " is too large");
        }
    }
}
