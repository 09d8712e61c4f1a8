package dev.strata.domain.host;

/** Whether a host keeps probing as often as it promised. */
public enum HostState {
    ONLINE("Online"),
    OFFLINE("Offline");

    private final String label;

    HostState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
