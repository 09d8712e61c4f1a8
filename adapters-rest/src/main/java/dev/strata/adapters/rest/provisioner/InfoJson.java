package dev.strata.adapters.rest.provisioner;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.application.port.in.system.SystemInfo;
import dev.strata.domain.Bytes;

/** {@code GET /info}: the pool's figures (GiB and counts) only for callers with CLUSTER_READ. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InfoJson(
        String version,
        String authenticationMode,
        Long totalCapacity,
        Long totalFreeSpace,
        Integer backends,
        Long volumes) {

    static InfoJson from(SystemInfo info) {
        return info.pool()
                .map(pool -> new InfoJson(info.version(), info.authMode().name(), Bytes.toGiB(pool.totalCapacity()),
                        Bytes.toGiB(pool.freeCapacity()), pool.backends(), pool.volumes()))
                .orElseGet(() -> new InfoJson(info.version(), info.authMode().name(), null, null, null, null));
    }
}
