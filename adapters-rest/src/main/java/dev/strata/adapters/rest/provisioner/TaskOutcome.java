package dev.strata.adapters.rest.provisioner;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The envelope of connect, disconnect and migrate_volume: {@code {"status":"Success","description",
 * "taskId"}}; a disconnect that needed no task has no {@code taskId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskOutcome(String status, String description, String taskId) {

    static TaskOutcome success(String description, String taskId) {
        return new TaskOutcome("Success", description, taskId);
    }
}
