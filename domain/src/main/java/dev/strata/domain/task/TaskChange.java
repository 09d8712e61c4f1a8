package dev.strata.domain.task;

import dev.strata.domain.DomainException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host reports of its task ({@code PUT /tasks}); an absent part stays as it is.
 *
 * @param progress 0 to 100, fractions kept
 * @param tags     replaces the whole {@code taskConfiguration} when present
 */
public record TaskChange(Optional<TaskState> state, Optional<Double> progress, Optional<String> taskStatus,
                         Optional<String> statusDescription, Optional<List<Tag>> tags) {

    public static final int MAX_TAGS = 64;
    public static final int MAX_TEXT = 4096;

    public TaskChange {
        Objects.requireNonNull(state);
        Objects.requireNonNull(progress);
        progress.ifPresent(p -> {
            if (p.isNaN() || p < 0 || p > 100) {
                throw DomainException.invalidInput("progress must be a number from 0 to 100");
            }
        });
        taskStatus.ifPresent(s -> text("taskStatus", s));
        statusDescription.ifPresent(s -> text("statusDescription", s));
        tags = tags.map(List::copyOf);
        tags.ifPresent(t -> {
            if (t.size() > MAX_TAGS) {
                throw DomainException.invalidInput("taskConfiguration has at most " + MAX_TAGS + " entries");
            }
        });
    }

    private static void text(String field, String value) {
        if (value.length() > MAX_TEXT) {
            throw DomainException.invalidInput(field + " must be at most " + MAX_TEXT + " characters");
        }
    }
}
