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

    /**
     * A new id: a version 7 UUID (RFC 9562), the milliseconds since 1970 in its first 48 bits and
     * 74 random bits from {@link UUID#randomUUID()}'s secure generator after them. Ids made one
     * after another sort one after another, so a new row's key lands at the end of its index, on
     * the page the previous one dirtied, rather than on a random page of a large file.
     */
    static String random() {
        UUID random = UUID.randomUUID();
        long millis = System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
        return new UUID(high, random.getLeastSignificantBits()).toString();
    }
}
