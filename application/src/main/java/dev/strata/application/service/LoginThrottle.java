package dev.strata.application.service;

import dev.strata.domain.access.TooManyAttempts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force brake: {@value #MAX_FAILURES} failed password checks of one account within
 * {@link #WINDOW} lock that account's password checks for {@link #LOCKOUT}. Unknown accounts are
 * tracked like real ones, so the answer does not tell whether an account exists. Kept in memory:
 * a restart forgets it.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record State(List<Instant> failures, Instant lockedUntil) {
    }

    private final InstantSource clock;
    private final ConcurrentHashMap<String, State> accounts = new ConcurrentHashMap<>();

    LoginThrottle(InstantSource clock) {
        this.clock = clock;
    }

    /** Throws {@link TooManyAttempts} while {@code account} is locked. */
    void checkAllowed(String account) {
        State state = accounts.get(account);
        Instant now = clock.instant();
        if (state != null && state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            throw new TooManyAttempts(Duration.between(now, state.lockedUntil()));
        }
    }

    boolean isLocked(String account) {
        State state = accounts.get(account);
        return state != null && state.lockedUntil() != null && clock.instant().isBefore(state.lockedUntil());
    }

    void failed(String account) {
        Instant now = clock.instant();
        if (accounts.size() > MAX_TRACKED) {
            forgetStale(now);
        }
        accounts.compute(account, (key, state) -> {
            List<Instant> recent = new ArrayList<>();
            if (state != null) {
                state.failures().stream().filter(t -> t.isAfter(now.minus(WINDOW))).forEach(recent::add);
            }
            recent.add(now);
            if (recent.size() >= MAX_FAILURES) {
                return new State(List.of(), now.plus(LOCKOUT));
            }
            return new State(List.copyOf(recent), null);
        });
    }

    void succeeded(String account) {
        accounts.remove(account);
    }

    private void forgetStale(Instant now) {
        accounts.entrySet().removeIf(entry -> {
            State state = entry.getValue();
            boolean locked = state.lockedUntil() != null && now.isBefore(state.lockedUntil());
            boolean recent = state.failures().stream().anyMatch(t -> t.isAfter(now.minus(WINDOW)));
            return !locked && !recent;
        });
    }
}
