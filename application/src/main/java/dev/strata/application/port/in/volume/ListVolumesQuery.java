package dev.strata.application.port.in.volume;

import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.VolumeId;
import java.util.Objects;
import java.util.Optional;

/** One page of a tenant's volumes: up to {@code limit} with an id after {@code after}. */
public record ListVolumesQuery(Optional<TenantId> tenant, Optional<VolumeId> after, int limit) {

    public static final int MAX_LIMIT = 1000;

    public ListVolumesQuery {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(after);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalidInput("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
