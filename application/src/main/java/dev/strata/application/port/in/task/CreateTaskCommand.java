package dev.strata.application.port.in.task;

import dev.strata.domain.DomainException;
import dev.strata.domain.host.HostId;
import dev.strata.domain.task.Tag;
import dev.strata.domain.task.TaskType;
import java.util.List;
import java.util.Objects;

/** {@code POST /tasks}: an operator's task for a host; only {@code SetPollingRate} may be made so. */
public record CreateTaskCommand(HostId host, TaskType type, List<Tag> tags) {

    public CreateTaskCommand {
        Objects.requireNonNull(host);
        Objects.requireNonNull(type);
        tags = List.copyOf(tags);
        if (type != TaskType.SET_POLLING_RATE) {
            throw DomainException.invalidInput("type must be SetPollingRate: other tasks come from connect,"
                    + " disconnect and migrate_volume");
        }
        String rate = tags.stream().filter(t -> t.name().equals("pollingRate")).map(Tag::value).findFirst()
                .orElseThrow(() -> DomainException.invalidInput("taskConfiguration must have pollingRate (ms)"));
        try {
            if (Long.parseLong(rate.strip()) < 0) {
                throw DomainException.invalidInput("pollingRate must be a whole number of ms, 0 or more");
            }
        } catch (NumberFormatException e) {
            throw DomainException.invalidInput("pollingRate must be a whole number of ms, 0 or more");
        }
    }
}
