package dev.strata.adapters.rest.http;

import dev.strata.domain.DomainException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** RFC 3339 times, as the {@code /v1} dialect writes them. */
public final class Times {

    private Times() {
    }

    /** Accepts {@code Z} or an offset such as {@code +00:00}, with or without fractional seconds. */
    public static Instant parse(String field, String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            throw DomainException.invalidInput(field + " must be an RFC 3339 time");
        }
        try {
            return OffsetDateTime.parse(text.strip().toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalidInput(field + " must be an RFC 3339 time such as 2027-01-31T12:00:00Z");
        }
    }

    /** In UTC with {@code Z}. */
    public static String format(Instant instant) {
        return instant.toString();
    }
}
