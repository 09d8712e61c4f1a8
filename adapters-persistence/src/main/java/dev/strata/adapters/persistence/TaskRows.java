package dev.strata.adapters.persistence;

/** Rows of {@code tasks} and {@code task_tags}. Public only because JDBI binds the accessors of public types alone. */
public final class TaskRows {

    private TaskRows() {
    }

    public record TaskRow(String id, String hostId, String type, String state, String taskStatus,
                          String statusDescription, double progress, long startDate, long endDate, boolean stoppable,
                          String volumeId, String replacedReplica, String placedReplica) {
    }

    public record TagRow(String taskId, int position, String name, String value) {
    }
}
