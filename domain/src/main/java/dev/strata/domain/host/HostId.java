package dev.strata.domain.host;

import dev.strata.domain.DomainException;
import java.util.Locale;

/**
 * A host's id: what its client sends as {@code hostId} (the Cinder driver sends the connector's
 * uuid). 1 to 64 characters of {@code [A-Za-z0-9._-]}, so it fits in a target's NQN; a UUID is kept
 * in lower case, so it compares equal however it was typed.
 */
public record HostId(String value) {

    public static final int MAX_LENGTH = 64;

    public HostId {
        if (!wellFormed(value)) {
            throw DomainException.invalidInput("hostId must be a UUID or 1 to " + MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        if (looksLikeUuid(value)) {
            value = value.toLowerCase(Locale.ROOT);
        }
    }

    /** Parses what a client sent in the field {@code field}; bad input names that field. */
    public static HostId parse(String field, String value) {
        if (value == null) {
            throw DomainException.invalidInput(field + " is required");
        }
        try {
            return new HostId(value);
        } catch (DomainException malformed) {
            throw DomainException.invalidInput(field + " must be a UUID or 1 to " + MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
    }

    private static boolean wellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean looksLikeUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
