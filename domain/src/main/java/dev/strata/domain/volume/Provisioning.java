package dev.strata.domain.volume;

import dev.strata.domain.DomainException;
import java.util.Locale;

/** How much of a replica's size its node reserves up front. */
public enum Provisioning {
    /** The whole size, at creation. */
    THICK,
    /** A reserve of {@code reservedSpacePercentage} of the size; the rest is promised, not taken. */
    THIN;

    public static Provisioning parse(String field, String value) {
        if (value == null) {
            return THICK;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidInput(field + " must be THICK or THIN");
        }
    }
}
