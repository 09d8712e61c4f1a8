package dev.strata.domain.node;

/**
 * The range of NVMe controller ids a node's subsystems use ({@code attr_cntlid_min}..{@code _max}).
 * A host joins the controllers of one subsystem NQN on several nodes only when their ids differ, so
 * each node gets a fixed slice of the kernel's 1..65519 by its number: node n has
 * [1 + (n - 1) × {@value #PER_NODE}, n × {@value #PER_NODE}]. Node numbers are never reused, so two
 * nodes never share a slice; the slices last up to node {@value #MAX_NODES}.
 */
public record ControllerIds(int min, int max) {

    /** Controllers per node and subsystem: one per host connection, several portals each. */
    public static final int PER_NODE = 32;
    /** The highest controller id Linux's nvmet hands out. */
    public static final int MAX_CNTLID = 65519;
    public static final int MAX_NODES = MAX_CNTLID / PER_NODE;

    public ControllerIds {
        if (min < 1 || max > MAX_CNTLID || min > max) {
            throw new IllegalArgumentException("controller ids " + min + ".." + max + " are outside 1.." + MAX_CNTLID);
        }
    }

    public static ControllerIds ofNode(int number) {
        if (number < 1 || number > MAX_NODES) {
            throw new IllegalArgumentException("node " + number + " has no controller id range (1.." + MAX_NODES + ")");
        }
        return new ControllerIds(1 + (number - 1) * PER_NODE, number * PER_NODE);
    }
}
