package dev.strata.domain.host;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The fact that a volume is published to a host. A writable volume is published {@code exclusive}:
 * to one host at a time. A read-only volume may be published to many.
 */
public record Publication(VolumeId volume, HostId host, boolean exclusive, Instant publishedAt) {

    public Publication {
        Objects.requireNonNull(volume);
        Objects.requireNonNull(host);
        Objects.requireNonNull(publishedAt);
    }

    /**
     * The publication that publishing {@code volume} to {@code host} adds, given the volume's
     * {@code current} publications; empty when it is published to that host already. A writable
     * volume published to another host refuses with AlreadyPublished.
     */
    public static Optional<Publication> of(Volume volume, HostId host, Collection<Publication> current, Instant now) {
        for (Publication existing : current) {
            if (!existing.volume().equals(volume.id())) {
                throw new IllegalArgumentException("publication of another volume: " + existing);
            }
            if (existing.host().equals(host)) {
                return Optional.empty();
            }
        }
        if (volume.writable() && !current.isEmpty()) {
            throw new DomainException(ErrorCode.ALREADY_PUBLISHED, "volume " + volume.id()
                    + " is writable and published to host " + current.iterator().next().host()
                    + "; unpublish it there first");
        }
        return Optional.of(new Publication(volume.id(), host, volume.writable(), now));
    }
}
