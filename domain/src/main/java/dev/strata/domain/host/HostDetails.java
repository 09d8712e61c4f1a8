package dev.strata.domain.host;

import dev.strata.domain.DomainException;
import dev.strata.domain.Text;
import java.time.Duration;
import java.util.Objects;

/**
 * What a host says of itself in a probe.
 *
 * @param duration how often it promises to probe; it counts as Online for twice that after a probe
 */
public record HostDetails(HostNqn nqn, String name, String clientType, String version, Duration duration) {

    public static final long MAX_DURATION_SECONDS = 86_400;

    public HostDetails {
        Objects.requireNonNull(nqn);
        name = Text.required("name", name, 255);
        clientType = Text.optional("clientType", clientType, 64);
        version = Text.optional("version", version, 64);
        if (duration == null) {
            throw DomainException.invalidInput("duration is required");
        }
        if (duration.isNegative() || duration.isZero() || duration.getSeconds() > MAX_DURATION_SECONDS
                || duration.getNano() != 0) {
            throw DomainException.invalidInput("duration must be a whole number of seconds from 1 to "
                    + MAX_DURATION_SECONDS);
        }
    }
}
