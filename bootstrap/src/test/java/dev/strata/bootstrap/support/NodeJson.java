package dev.strata.bootstrap.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The body of a node registration ({@code POST /backends}), built as a test needs it:
 * {@code NodeJson.aNode().at("10.1.0.1").onRack("r1").withCapacityGiB(100).json()}. A field the
 * test does not set is left out, so the server's default applies; without {@link #at}, the node
 * gets a management address no other node built here has.
 */
public final class NodeJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Addresses for nodes whose address does not matter, from 198.18.0.0/15 (benchmarking). */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    private final ObjectNode body = JSON.createObjectNode();

    private NodeJson() {
        int n = NEXT_ADDRESS.incrementAndGet();
        at("198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 255) + "." + (n & 255));
    }

    public static NodeJson aNode() {
        return new NodeJson();
    }

    /** The management addresses, {@code mgmtIPs}, in place of the one made up. */
    public NodeJson at(String... mgmtIps) {
        ArrayNode ips = body.putArray("mgmtIPs");
        for (String ip : mgmtIps) {
            ips.add(ip);
        }
        return this;
    }

    public NodeJson withMgmtPort(int port) {
        body.put("mgmtPort", port);
        return this;
    }

    public NodeJson named(String name) {
        body.put("name", name);
        return this;
    }

    public NodeJson onRack(String rack) {
        body.put("rack", rack);
        return this;
    }

    public NodeJson inZone(String zone) {
        body.put("zone", zone);
        return this;
    }

    public NodeJson inRegion(String region) {
        body.put("region", region);
        return this;
    }

    public NodeJson withHostId(String hostId) {
        body.put("hostId", hostId);
        return this;
    }

    /** {@code totalCapacity}: the provisioner dialect counts whole GiB. */
    public NodeJson withCapacityGiB(long gib) {
        body.put("totalCapacity", gib);
        return this;
    }

    public NodeJson withIops(long iops) {
        body.put("totalIOPS", iops);
        return this;
    }

    public NodeJson withBandwidth(long bandwidth) {
        body.put("totalBW", bandwidth);
        return this;
    }

    /** Adds a portal hosts connect to. */
    public NodeJson withPortal(String ip, int port, String transport) {
        ArrayNode portals = body.has("portals") ? (ArrayNode) body.get("portals") : body.putArray("portals");
        portals.addObject().put("ip", ip).put("port", port).put("transport", transport);
        return this;
    }

    /** The body as JSON text. */
    public String json() {
        return body.toString();
    }
}
