package dev.strata.domain.volume;

import dev.strata.domain.DomainException;

/** What is known of one replica: what a host reported, or that it is being taken away. */
public enum ReplicaState {
    AVAILABLE("Available"),
    MISSING("Missing"),
    SYNCHRONIZING("Synchronizing"),
    /** Marked for removal; it no longer counts as a healthy copy. */
    TERMINATING("Terminating");

    private final String label;

    ReplicaState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A state a host may report: Available, Missing or Synchronizing, in any letter case. */
    public static ReplicaState parseReported(String field, String value) {
        for (ReplicaState state : new ReplicaState[] {AVAILABLE, MISSING, SYNCHRONIZING}) {
            if (state.label.equalsIgnoreCase(value == null ? "" : value.strip())) {
                return state;
            }
        }
        throw DomainException.invalidInput(field + " must be Available, Missing or Synchronizing");
    }
}
