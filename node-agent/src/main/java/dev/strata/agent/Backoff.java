package dev.strata.agent;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: after the n-th failure in a row, a wait drawn between half and
 * all of {@code first × 2^(n-1)}, at most {@code cap}. The cap is the agent's interval, so drift is
 * still repaired once an interval while Strata cannot be reached.
 */
public final class Backoff {

    private final Duration first;
    private final Duration cap;
    private final Random random;

    public Backoff(Duration first, Duration cap, Random random) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= cap");
        }
        this.first = first;
        this.cap = cap;
        this.random = random;
    }

    public Duration delay(int failures) {
        long ceiling = cap.toMillis();
        long full = first.toMillis();
        for (int i = 1; i < failures && full < ceiling; i++) {
            full *= 2;
        }
        full = Math.min(full, ceiling);
        long half = full / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (full - half)));
    }
}
