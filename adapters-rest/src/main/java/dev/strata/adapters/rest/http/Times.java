package dev.strata.adapters.rest.http;

import dev.strata.domain.DomainException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** RFC 3339 times, as the {@code /v1} dialect writes them. */
public final class Times {

    /**
     * RFC 3339's {@code date-time}: a four-digit year, so no sign and no year past 9999, which
     * {@link OffsetDateTime#parse} alone would take (and later arithmetic overflow on).
     */
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private Times() {
    }

    /** Accepts {@code Z} or an offset such as {@code +00:00}, with or without fractional seconds. */
    public static Instant parse(String field, String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            throw DomainException.invalidInput(field + " must be an RFC 3339 time");
        }
        String time = text.strip().toUpperCase(Locale.ROOT);
        if (!DATE_TIME.matcher(time).matches()) {
            throw DomainException.invalidInput(field + " must be an RFC 3339 time such as 2027-01-31T12:00:00Z");
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalidInput(field + " must be an RFC 3339 time such as 2027-01-31T12:00:00Z");
        }
    }

    /** In UTC with {@code Z}. */
    public static String format(Instant instant) {
        return instant.toString();
    }
}
