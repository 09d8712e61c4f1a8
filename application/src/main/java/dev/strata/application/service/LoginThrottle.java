package dev.strata.application.service;

import dev.strata.application.port.out.LoginFailures;
import dev.strata.application.port.out.Transactions;
import dev.strata.domain.access.TooManyAttempts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Brute-force brake: {@value #MAX_FAILURES} failed password checks of one account within
 * {@link #WINDOW} lock that account's password checks for {@link #LOCKOUT}. Unknown accounts are
 * tracked like real ones, so the answer does not tell whether an account exists. Kept in the
 * database ({@link LoginFailures}): every instance on it counts the same failures and honours the
 * same locks, and a restart forgets nothing.
 *
 * <p>A lock is a committed access write, and so moves {@link Transactions#committedAccessWrites()}: a caller
 * remembered before it is checked again, and finds the lock, on its next request through any instance.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    /** Where an account stands: the end of a lock in force, and whether failures are counted against it. */
    record Standing(Optional<Instant> lockedUntil, boolean hasFailures) {
    }

    private final LoginFailures failures;
    private final Transactions transactions;
    private final InstantSource clock;

    LoginThrottle(LoginFailures failures, Transactions transactions, InstantSource clock) {
        this.failures = failures;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Where {@code account} stands now; joins a running read (one snapshot with what it reads beside). */
    Standing standing(String account) {
        Instant now = clock.instant();
        return transactions.read(() -> new Standing(failures.lockedUntil(account).filter(now::isBefore),
                failures.countSince(account, now.minus(WINDOW)) > 0));
    }

    /** Throws {@link TooManyAttempts} while {@code standing} says the account is locked. */
    void checkAllowed(Standing standing) {
        if (standing.lockedUntil().isPresent()) {
            Duration left = Duration.between(clock.instant(), standing.lockedUntil().get());
            throw new TooManyAttempts(left.isNegative() ? Duration.ZERO : left);
        }
    }

    /**
     * Counts a failure; the one that makes {@value #MAX_FAILURES} within {@link #WINDOW} locks the
     * account and starts the count afresh. Serializable like every write, so failures racing through
     * several instances lock once.
     */
    void failed(String account) {
        Instant now = clock.instant();
        transactions.write(() -> {
            failures.add(account, now);
            if (failures.countSince(account, now.minus(WINDOW)) >= MAX_FAILURES) {
                failures.clear(account);
                failures.lock(account, now.plus(LOCKOUT));
            }
        });
    }

    /**
     * A successful check clears the count. Only written when there was one: a write moves every
     * instance's change count, which would make each successful check forget every remembered caller.
     */
    void succeeded(String account, Standing before) {
        if (before.hasFailures()) {
            transactions.write(() -> failures.clear(account));
        }
    }

    /** Forgets failures outside the window and locks that ended; safe from every instance at once. */
    int purge() {
        Instant now = clock.instant();
        return transactions.write(() -> failures.purge(now.minus(WINDOW), now));
    }
}
