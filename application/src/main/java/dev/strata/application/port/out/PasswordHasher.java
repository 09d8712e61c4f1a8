package dev.strata.application.port.out;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.PasswordHash;

/** A slow, salted, parameterised password hash. */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    /** Constant in time for a given hash, whatever the password. */
    boolean verify(Password password, PasswordHash hash);

    /** True when {@code hash} was made with another algorithm or other parameters than today's. */
    boolean needsRehash(PasswordHash hash);
}
