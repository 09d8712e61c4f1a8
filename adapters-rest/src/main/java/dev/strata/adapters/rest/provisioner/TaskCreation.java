package dev.strata.adapters.rest.provisioner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.application.port.in.task.CreateTaskCommand;
import dev.strata.domain.DomainException;
import dev.strata.domain.host.HostId;
import dev.strata.domain.task.TaskType;
import java.util.List;

/** {@code POST /tasks} {@code {hostId, type: "SetPollingRate", taskConfiguration: [{name: "pollingRate", value}]}}. */
public record TaskCreation(String hostId, String type, JsonNode taskConfiguration) {

    CreateTaskCommand toCommand() {
        if (hostId == null) {
            throw DomainException.invalidInput("hostId is required");
        }
        if (type == null) {
            throw DomainException.invalidInput("type is required");
        }
        return new CreateTaskCommand(HostId.parse("hostId", hostId), TaskType.parse("type", type),
                taskConfiguration == null || taskConfiguration.isNull() ? List.of() : TaskJson.tags(taskConfiguration));
    }
}
