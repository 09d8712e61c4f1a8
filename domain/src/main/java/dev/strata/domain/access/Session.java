package dev.strata.domain.access;

import java.time.Duration;
import java.time.Instant;

/**
 * A login session. Only the SHA-256 of its bearer token is kept.
 *
 * @param secretHash hex SHA-256 of the whole bearer token
 */
public record Session(String id, UserId user, Instant createdAt, Instant expiresAt, String secretHash) {

    public static final Duration LIFETIME = Duration.ofHours(10);

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
