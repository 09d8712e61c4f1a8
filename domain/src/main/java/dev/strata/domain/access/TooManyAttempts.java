package dev.strata.domain.access;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.time.Duration;

/** An account's password checks are locked after too many failures; try again after {@link #retryAfter()}. */
public final class TooManyAttempts extends DomainException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super(ErrorCode.TOO_MANY_ATTEMPTS, "too many failed attempts; try again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
