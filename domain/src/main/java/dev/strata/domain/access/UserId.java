package dev.strata.domain.access;

import dev.strata.domain.DomainException;

/** A user's id: a numeric string, "500" for the first. */
public record UserId(String value) {

    public static final UserId FIRST = new UserId("500");

    public UserId {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw DomainException.invalidInput("a user id is a number");
        }
    }

    public static UserId of(long number) {
        return new UserId(Long.toString(number));
    }

    public long number() {
        return Long.parseLong(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
