package dev.strata.domain.task;

import dev.strata.domain.DomainException;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A task's id: URL-safe, 1 to 64 characters of {@code [A-Za-z0-9._-]}; generated as a UUID. */
public record TaskId(String value) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public TaskId {
        Objects.requireNonNull(value);
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a task id: " + value);
        }
    }

    public static TaskId generate() {
        return new TaskId(UUID.randomUUID().toString());
    }

    /** A task id from a request: a malformed one is refused as input naming the field. */
    public static TaskId parse(String field, String value) {
        if (value == null || !SAFE.matcher(value.strip()).matches()) {
            throw DomainException.invalidInput(field + " must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        return new TaskId(value.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
