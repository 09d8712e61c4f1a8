package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.util.Optional;
import java.util.stream.Stream;

/** All of the tenant's volumes after {@code after}, by id, read as the stream is consumed; close it. The caller's rights are checked before it opens. Needs VOLUME_READ. */
public interface StreamVolumesUseCase {

    Stream<Volume> stream(Principal caller, Optional<TenantId> tenant, Optional<VolumeId> after);
}
