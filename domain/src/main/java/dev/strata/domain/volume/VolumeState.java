package dev.strata.domain.volume;

/** A volume is Available while every replica is, and Degraded otherwise. */
public enum VolumeState {
    AVAILABLE("Available"),
    DEGRADED("Degraded");

    private final String label;

    VolumeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
