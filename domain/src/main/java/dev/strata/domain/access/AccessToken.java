package dev.strata.domain.access;

import java.time.Instant;
import java.util.Optional;

/**
 * A long-lived bearer token of a user, made by that user or by someone allowed to. Only the
 * SHA-256 of its secret is kept; the secret is shown once, when it is made.
 */
public final class AccessToken {

    /** A user may hold this many access tokens at most, as in Qumulo. */
    public static final int MAX_PER_USER = 2;

    private final String id;
    private final UserId user;
    private final Optional<UserId> creator;
    private final Instant createdAt;
    private Optional<Instant> expiresAt;
    private boolean enabled;
    private final String secretHash;

    private AccessToken(String id, UserId user, Optional<UserId> creator, Instant createdAt, Optional<Instant> expiresAt,
                        boolean enabled, String secretHash) {
        this.id = id;
        this.user = user;
        this.creator = creator;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.enabled = enabled;
        this.secretHash = secretHash;
    }

    public static AccessToken issue(String id, UserId user, Optional<UserId> creator, Instant now, Optional<Instant> expiresAt,
                                    String secretHash) {
        return new AccessToken(id, user, creator, now, expiresAt, true, secretHash);
    }

    /** For the persistence mapper only. */
    public static AccessToken restore(String id, UserId user, Optional<UserId> creator, Instant createdAt,
                                      Optional<Instant> expiresAt, boolean enabled, String secretHash) {
        return new AccessToken(id, user, creator, createdAt, expiresAt, enabled, secretHash);
    }

    public boolean validAt(Instant now) {
        return enabled && expiresAt.map(now::isBefore).orElse(true);
    }

    public void expireAt(Optional<Instant> newExpiry) {
        expiresAt = newExpiry;
    }

    public void enable(boolean value) {
        enabled = value;
    }

    public String id() {
        return id;
    }

    public UserId user() {
        return user;
    }

    /** Who made it; empty when made in authentication mode NONE or by the system. */
    public Optional<UserId> creator() {
        return creator;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    public boolean enabled() {
        return enabled;
    }

    public String secretHash() {
        return secretHash;
    }
}
