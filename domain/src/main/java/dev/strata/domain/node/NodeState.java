package dev.strata.domain.node;

import dev.strata.domain.DomainException;

/** Whether a node takes new placements. */
public enum NodeState {
    /** Serving, and open for new replicas. */
    AVAILABLE("Available"),
    /** Serving what it has, closed for new replicas; set by an operator. */
    MAINTENANCE("Maintenance"),
    /** Not reachable; reserved for node probes. */
    UNAVAILABLE("Unavailable");

    private final String label;

    NodeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static NodeState parse(String field, String value) {
        for (NodeState state : values()) {
            if (state.label.equalsIgnoreCase(value == null ? "" : value.strip())) {
                return state;
            }
        }
        throw DomainException.invalidInput(field + " must be Available, Maintenance or Unavailable");
    }
}
