package dev.strata.domain.node;

import dev.strata.domain.DomainException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals, checked and written in one canonical form so that the same address
 * compares equal however it was typed. Never resolves names.
 */
public final class IpAddress {

    private IpAddress() {
    }

    public static String canonical(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidInput(field + " is required");
        }
        String text = value.strip();
        if (text.length() > 45) {
            throw DomainException.invalidInput(field + " '" + abbreviate(text) + "' is not an IP address");
        }
        if (text.indexOf(':') >= 0) {
            return ipv6(field, text);
        }
        return ipv4(field, text);
    }

    private static String ipv4(String field, String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw notAnAddress(field, text);
        }
        StringBuilder out = new StringBuilder(15);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw notAnAddress(field, text);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw notAnAddress(field, text);
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(octet);
        }
        return out.toString();
    }

    private static String ipv6(String field, String text) {
        // With a ':' present the JDK parses an IPv6 literal and never asks DNS.
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw notAnAddress(field, text);
        }
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            throw notAnAddress(field, text);
        }
    }

    private static DomainException notAnAddress(String field, String text) {
        return DomainException.invalidInput(field + " '" + abbreviate(text) + "' is not an IP address");
    }

    private static String abbreviate(String text) {
        String printable = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 48 ? printable.substring(0, 48) + "…" : printable;
    }
}
