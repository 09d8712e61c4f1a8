package dev.strata.domain.task;

import dev.strata.domain.DomainException;

/** One entry of a task's {@code taskConfiguration}: a name and a string value. */
public record Tag(String name, String value) {

    public static final int MAX_NAME = 255;
    public static final int MAX_VALUE = 4096;

    public Tag {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw DomainException.invalidInput("taskConfiguration name must be 1 to " + MAX_NAME + " characters");
        }
        if (value == null) {
            value = "";
        }
        if (value.length() > MAX_VALUE) {
            throw DomainException.invalidInput("taskConfiguration value must be at most " + MAX_VALUE + " characters");
        }
    }
}
