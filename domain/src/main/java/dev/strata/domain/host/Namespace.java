package dev.strata.domain.host;

import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.VolumeId;
import java.util.Objects;

/**
 * One replica exposed in a target. Its NVMe namespace UUID is the replica's id.
 *
 * @param nsid   the namespace id within the target, 1 to {@link Target#MAX_NAMESPACES}
 * @param tenant the tenant of the volume, for showing each tenant only its own
 */
public record Namespace(int nsid, ReplicaId replica, VolumeId volume, TenantId tenant) {

    public Namespace {
        if (nsid < 1 || nsid > Target.MAX_NAMESPACES) {
            throw new IllegalArgumentException("nsid " + nsid + " is outside 1.." + Target.MAX_NAMESPACES);
        }
        Objects.requireNonNull(replica);
        Objects.requireNonNull(volume);
        Objects.requireNonNull(tenant);
    }
}
