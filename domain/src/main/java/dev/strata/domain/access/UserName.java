package dev.strata.domain.access;

import dev.strata.domain.DomainException;
import dev.strata.domain.Text;
import java.util.Locale;

/**
 * A user name: 1 to 32 characters, unique without regard to case. No ':' (Basic credentials split
 * on it), no control characters, no surrounding spaces.
 */
public record UserName(String value) {

    public static final int MAX = 32;

    public UserName {
        Text.required("name", value, MAX);
        if (!value.strip().equals(value)) {
            throw DomainException.invalidInput("name must not start or end with a space");
        }
        if (value.indexOf(':') >= 0) {
            throw DomainException.invalidInput("name must not contain ':'");
        }
    }

    /** The form uniqueness is checked in. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(UserName other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
