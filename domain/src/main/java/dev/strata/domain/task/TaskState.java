package dev.strata.domain.task;

import dev.strata.domain.DomainException;

/** {@code IDLE} → {@code RUNNING} → {@code FINISHED} | {@code FAILED}; the last two are final. */
public enum TaskState {
    IDLE,
    RUNNING,
    FINISHED,
    FAILED;

    public boolean isFinal() {
        return this == FINISHED || this == FAILED;
    }

    public String label() {
        return name();
    }

    public static TaskState parse(String field, String value) {
        for (TaskState state : values()) {
            if (state.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return state;
            }
        }
        throw DomainException.invalidInput(field + " must be IDLE, RUNNING, FINISHED or FAILED");
    }
}
