package dev.strata.domain.access;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;

/** A stored password hash, with its algorithm and parameters inside (PHC string format). */
public record PasswordHash(String encoded) {

    public PasswordHash {
        if (encoded == null || !encoded.startsWith("$")) {
            throw new DomainException(ErrorCode.INTERNAL_ERROR, "a password hash is a PHC string");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[" + encoded.substring(0, encoded.indexOf('$', 1) + 1) + "…]";
    }
}
