package dev.strata.domain.access;

import dev.strata.domain.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A role's name: 1 to 64 letters, digits, spaces, '_', '-' or '.', unique without regard to case. */
public record RoleName(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.-]([A-Za-z0-9 _.-]{0,62}[A-Za-z0-9_.-])?");

    public RoleName {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw DomainException.invalidInput("a role name is 1 to 64 letters, digits, spaces, '_', '-' or '.'");
        }
    }

    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(RoleName other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
