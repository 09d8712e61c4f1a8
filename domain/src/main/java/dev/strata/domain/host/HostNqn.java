package dev.strata.domain.host;

import dev.strata.domain.DomainException;
import java.nio.charset.StandardCharsets;

/**
 * A host's NVMe Qualified Name, in one of the two shapes the NVMe base specification allows:
 * {@code nqn.yyyy-mm.reverse.domain[:anything]} (the month the naming authority held the domain,
 * then the domain reversed, then optionally a colon and a string the authority makes unique), or
 * {@code nqn.2014-08.org.nvmexpress:uuid:<uuid>}. At most 223 bytes of UTF-8. The discovery
 * subsystem's well-known NQN names no host and is refused.
 */
public record HostNqn(String value) {

    public static final int MAX_BYTES = 223;
    static final String UUID_PREFIX = "nqn.2014-08.org.nvmexpress:uuid:";
    static final String DISCOVERY = "nqn.2014-08.org.nvmexpress.discovery";

    public HostNqn {
        check("hostNqn", value);
    }

    /** Parses what a client sent in the field {@code field}; bad input names that field. */
    public static HostNqn parse(String field, String value) {
        check(field, value);
        return new HostNqn(value);
    }

    private static void check(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw DomainException.invalidInput(field + " is required");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DomainException.invalidInput(field + " is longer than " + MAX_BYTES + " bytes");
        }
        String problem = problem(value);
        if (problem != null) {
            throw DomainException.invalidInput(field + " must be an NQN such as nqn.2014-08.com.example:host-1 or "
                    + UUID_PREFIX + "<uuid>: " + problem);
        }
    }

    /** What is wrong with {@code value}, or {@code null} when it is an NQN. */
    private static String problem(String value) {
        if (!value.startsWith("nqn.")) {
            return "it must start with 'nqn.'";
        }
        // nqn.yyyy-mm.
        if (value.length() < 12 || !digits(value, 4, 8) || value.charAt(8) != '-' || !digits(value, 9, 11)
                || value.charAt(11) != '.') {
            return "'nqn.' must be followed by a date yyyy-mm and '.'";
        }
        int month = Integer.parseInt(value.substring(9, 11));
        if (month < 1 || month > 12) {
            return "the month must be 01 to 12";
        }
        int colon = value.indexOf(':', 12);
        String domain = colon < 0 ? value.substring(12) : value.substring(12, colon);
        if (!reverseDomain(domain)) {
            return "the date must be followed by a reverse domain name such as com.example";
        }
        if (value.equals(DISCOVERY)) {
            return "that is the discovery subsystem's NQN, not a host's";
        }
        if (colon < 0) {
            return null;
        }
        String rest = value.substring(colon + 1);
        if (rest.isEmpty()) {
            return "nothing follows the ':'";
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                return "it must not contain spaces or control characters";
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= rest.length()
                        || !Character.isLowSurrogate(rest.charAt(i + 1))) {
                    return "it contains invalid Unicode";
                }
                i++;
            }
        }
        if (value.startsWith(UUID_PREFIX) && !HostId.looksLikeUuid(value.substring(UUID_PREFIX.length()))) {
            return "a UUID must follow '" + UUID_PREFIX + "'";
        }
        return null;
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Labels of letters, digits and inner hyphens, 1 to 63 characters each, separated by single dots. */
    private static boolean reverseDomain(String domain) {
        if (domain.isEmpty()) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
