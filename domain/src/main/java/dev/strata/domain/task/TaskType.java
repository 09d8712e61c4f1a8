package dev.strata.domain.task;

import dev.strata.domain.DomainException;

/** What a host's agent is asked to do. */
public enum TaskType {
    /** Sync a new replica into the host's mirror, then let the replaced one go. */
    REMOTE_MIGRATION("RemoteMigration"),
    /** Connect the volume's replicas and assemble its mirror. */
    CONNECT_VOLUME("ConnectVolume"),
    /** Stop the mirror and disconnect; Strata unpublishes when it finishes. */
    DISCONNECT_VOLUME("DisconnectVolume"),
    /** Change how often the agent polls its tasks (tag {@code pollingRate}, ms). */
    SET_POLLING_RATE("SetPollingRate");

    private final String label;

    TaskType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TaskType parse(String field, String value) {
        for (TaskType type : values()) {
            if (type.label.equalsIgnoreCase(value == null ? "" : value.strip())) {
                return type;
            }
        }
        throw DomainException.invalidInput(field + " must be RemoteMigration, ConnectVolume, DisconnectVolume"
                + " or SetPollingRate");
    }
}
