package dev.strata.domain.volume;

import dev.strata.domain.DomainException;
import java.util.Locale;
import java.util.UUID;

/** UUID text in one canonical form (lower case, hyphenated), so ids compare equal however typed. */
final class Uuids {

    private Uuids() {
    }

    /** The 8-4-4-4-12 hex form, in lower case. Checked by hand: every volume read passes here. */
    static String canonical(String field, String value) {
        if (value == null || value.length() != 36) {
            throw DomainException.invalidInput(field + " must be a UUID");
        }
        boolean lower = true;
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    throw DomainException.invalidInput(field + " must be a UUID");
                }
            } else if (c >= 'A' && c <= 'F') {
                lower = false;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw DomainException.invalidInput(field + " must be a UUID");
            }
        }
        return lower ? value : value.toLowerCase(Locale.ROOT);
    }

    static String random() {
        return UUID.randomUUID().toString();
    }
}
