package dev.strata.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed password checks per account name (known or not, as the lockout keys it), and the locks they
 * lead to, kept in the database so that every instance on it counts the same failures and honours
 * the same locks. Changes run inside a write transaction; reads join the running transaction.
 */
public interface LoginFailures {

    /** Records one failed check of {@code account} at {@code at}. */
    void add(String account, Instant at);

    /** How many failures of {@code account} were recorded at or after {@code since}. */
    int countSince(String account, Instant since);

    /** Forgets every failure of {@code account} (its lock, if any, stays). */
    void clear(String account);

    /** Locks {@code account} until {@code until}, in place of any earlier lock. */
    void lock(String account, Instant until);

    /** When the latest lock of {@code account} ends (or ended), if it ever had one. */
    Optional<Instant> lockedUntil(String account);

    /**
     * Forgets failures recorded before {@code failedBefore} and locks that ended before
     * {@code lockEndedBefore}; returns how many records went. Safe to run from every instance at once.
     */
    int purge(Instant failedBefore, Instant lockEndedBefore);
}
