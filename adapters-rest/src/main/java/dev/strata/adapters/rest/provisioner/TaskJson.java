package dev.strata.adapters.rest.provisioner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.domain.DomainException;
import dev.strata.domain.task.Tag;
import dev.strata.domain.task.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A task as the KumoScale host agent reads it: every field always present, {@code taskStatus} and
 * {@code statusDescription} {@code ""} until the host sets them, {@code progress} a number,
 * {@code endDate} 0 until the task ends, tag values strings.
 */
public record TaskJson(String taskId, String hostId, String type, String state, String taskStatus,
                       String statusDescription, double progress, long startDate, long endDate, boolean stoppable,
                       List<TagJson> taskConfiguration) {

    /** One tag of {@code taskConfiguration}. */
    public record TagJson(String name, String value) {

        static TagJson from(Tag tag) {
            return new TagJson(tag.name(), tag.value());
        }
    }

    static TaskJson from(Task task) {
        return new TaskJson(task.id().value(), task.host().value(), task.type().label(), task.state().label(),
                task.taskStatus(), task.statusDescription(), task.progress(), task.startDate().toEpochMilli(),
                task.endDate().map(Instant::toEpochMilli).orElse(0L), task.stoppable(),
                task.tags().stream().map(TagJson::from).toList());
    }

    /**
     * Tags from a request: an array of {@code {name, value}}; a value that is not a string (a number
     * or a boolean) is taken as its text, since the agent reads every value as a string.
     */
    static List<Tag> tags(JsonNode node) {
        if (!node.isArray()) {
            throw DomainException.invalidInput("taskConfiguration must be an array of {name, value}");
        }
        List<Tag> tags = new ArrayList<>();
        for (JsonNode entry : node) {
            if (!entry.isObject() || !entry.path("name").isTextual()) {
                throw DomainException.invalidInput("taskConfiguration entries must be {name, value} with a string name");
            }
            JsonNode value = entry.path("value");
            if (value.isContainerNode()) {
                throw DomainException.invalidInput("taskConfiguration value must be a string");
            }
            tags.add(new Tag(entry.path("name").asText(), value.isMissingNode() || value.isNull() ? ""
                    : value.asText()));
        }
        return tags;
    }
}
