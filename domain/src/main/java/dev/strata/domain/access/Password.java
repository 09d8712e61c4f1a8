package dev.strata.domain.access;

import dev.strata.domain.DomainException;
import dev.strata.domain.Text;

/**
 * A password in clear, as a caller gave it, on its way to be hashed or checked. It never prints:
 * {@link #toString()} hides it, so it cannot leak into a log or an error by accident.
 */
public final class Password {

    public static final int MIN = 8;
    public static final int MAX = 256;

    private final String clear;

    private Password(String clear) {
        this.clear = clear;
    }

    /** A new password, which must meet the policy. */
    public static Password newPassword(String field, String clear) {
        if (clear == null || clear.isEmpty()) {
            throw DomainException.invalidInput(field + " is required");
        }
        if (clear.length() < MIN || clear.length() > MAX) {
            throw DomainException.invalidInput(field + " must be " + MIN + " to " + MAX + " characters");
        }
        if (clear.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalidInput(field + " must not contain control characters");
        }
        Text.wellFormed(field, clear);
        return new Password(clear);
    }

    /** A password offered to be checked: anything goes, it is only compared. */
    public static Password offered(String clear) {
        return new Password(clear == null ? "" : clear);
    }

    public String reveal() {
        return clear;
    }

    @Override
    public String toString() {
        return "[password]";
    }
}
