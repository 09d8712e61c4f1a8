package dev.strata.domain.node;

import dev.strata.domain.DomainException;
import java.util.Locale;

/** How a host reaches a node's NVMe-oF portal. */
public enum Transport {
    TCP, RDMA;

    public static Transport parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidInput(field + " is required");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidInput(field + " must be TCP or RDMA");
        }
    }
}
