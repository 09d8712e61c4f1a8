package dev.strata.domain.volume;

import dev.strata.domain.DomainException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** UUID text in one canonical form (lower case, hyphenated), so ids compare equal however typed. */
final class Uuids {

    private static final Pattern SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    static String canonical(String field, String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw DomainException.invalidInput(field + " must be a UUID");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static String random() {
        return UUID.randomUUID().toString();
    }
}
