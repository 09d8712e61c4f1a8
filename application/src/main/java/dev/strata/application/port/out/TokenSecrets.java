package dev.strata.application.port.out;

import dev.strata.domain.access.TokenKind;

/** Makes bearer tokens and public ids, and hashes tokens for storage and lookup. */
public interface TokenSecrets {

    /** A new bearer token of {@code kind}: its prefix and at least 256 random bits. */
    String generate(TokenKind kind);

    /** The stored form of a bearer token: hex SHA-256. */
    String hash(String bearer);

    /** Compares two hashes without leaking where they differ. */
    boolean sameHash(String a, String b);

    /** A new public id for a session or access token. */
    String newId();

    /**
     * A keyed hash of {@code material}, stable for the life of this process and useless outside
     * it: a cache key for credentials that never holds them.
     */
    String fingerprint(String material);

    /** A new password for an account made without one. */
    String generatePassword();
}
