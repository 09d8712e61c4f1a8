package dev.strata.application.port.out;

import dev.strata.domain.access.Session;
import dev.strata.domain.access.UserId;
import java.time.Instant;
import java.util.Optional;

/** Login sessions, found by the hash of their bearer token. */
public interface Sessions {

    void add(Session session);

    Optional<Session> findBySecretHash(String secretHash);

    void remove(String id);

    /** Ends every session of {@code user}. */
    void removeAllOf(UserId user);

    /** Forgets sessions that expired before {@code now}; returns how many. */
    int removeExpired(Instant now);
}
