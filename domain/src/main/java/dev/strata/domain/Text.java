package dev.strata.domain;

/**
 * Checks for the free text the API accepts (names, labels, aliases): bounded length, no control
 * characters, no broken UTF-16. Such text then stores, logs and prints safely.
 */
public final class Text {

    private Text() {
    }

    /** A required text: present, not blank, at most {@code max} characters. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidInput(field + " is required");
        }
        return optional(field, value, max);
    }

    /** An optional text: {@code null} becomes "", otherwise it must be at most {@code max} characters. */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return "";
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw DomainException.invalidInput(field + " is longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw DomainException.invalidInput(field + " contains a control character");
            }
        }
        return wellFormed(field, value);
    }

    /**
     * Text that is whole UTF-16: every surrogate in a pair. A lone one (which JSON's
     * {@code \\uD800} escape can carry) would become '?' when the text is encoded, so that different
     * texts became the same one; it is bad input instead.
     */
    public static String wellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw DomainException.invalidInput(field + " contains invalid Unicode (a lone surrogate)");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw DomainException.invalidInput(field + " contains invalid Unicode (a lone surrogate)");
            }
        }
        return value;
    }
}
