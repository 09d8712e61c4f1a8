package dev.strata.adapters.rest.provisioner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.application.port.in.task.UpdateTaskCommand;
import dev.strata.domain.DomainException;
import dev.strata.domain.host.HostId;
import dev.strata.domain.task.TaskChange;
import dev.strata.domain.task.TaskId;
import dev.strata.domain.task.TaskState;
import java.util.Optional;

/**
 * {@code PUT /tasks} {@code {taskId, hostId, state?, progress?, taskStatus?, statusDescription?,
 * taskConfiguration?}}. The agent sends the whole task back; what else it holds is ignored. An absent
 * (or null) field stays as it is.
 */
public record TaskUpdate(String taskId, String hostId, String state, JsonNode progress, String taskStatus,
                         String statusDescription, JsonNode taskConfiguration) {

    UpdateTaskCommand toCommand() {
        if (taskId == null) {
            throw DomainException.invalidInput("taskId is required");
        }
        if (hostId == null) {
            throw DomainException.invalidInput("hostId is required");
        }
        return new UpdateTaskCommand(TaskId.parse("taskId", taskId), HostId.parse("hostId", hostId), new TaskChange(
                Optional.ofNullable(state).map(s -> TaskState.parse("state", s)), progressGiven(),
                Optional.ofNullable(taskStatus), Optional.ofNullable(statusDescription),
                present(taskConfiguration).map(TaskJson::tags)));
    }

    private Optional<Double> progressGiven() {
        return present(progress).map(p -> {
            if (!p.isNumber()) {
                throw DomainException.invalidInput("progress must be a number from 0 to 100");
            }
            return p.doubleValue();
        });
    }

    private static Optional<JsonNode> present(JsonNode node) {
        return Optional.ofNullable(node).filter(n -> !n.isNull() && !n.isMissingNode());
    }
}
