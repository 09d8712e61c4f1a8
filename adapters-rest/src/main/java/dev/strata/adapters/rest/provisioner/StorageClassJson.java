package dev.strata.adapters.rest.provisioner;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.volume.StorageClass;
import java.util.List;

/**
 * A volume's {@code storageClass} as clients send it. The per-GiB figures are 0 for "no limit".
 * {@code allowSpan} is accepted and ignored: a replica always lives on one node.
 */
public record StorageClassJson(
        Integer numReplicas,
        List<String> racks,
        List<String> regions,
        List<String> zones,
        Boolean sameRackAllowed,
        Integer blockSize,
        Long maxIOPSPerGB,
        Long desiredIOPSPerGB,
        Long maxBWPerGB,
        Long desiredBWPerGB,
        Long maxReplicaDownTime,
        String name,
        Boolean allowSpan) {

    StorageClass toStorageClass() {
        return new StorageClass(
                numReplicas == null ? 1 : numReplicas,
                new LocationFilter(Bodies.noNulls("storageClass.racks", racks),
                        Bodies.noNulls("storageClass.zones", zones), Bodies.noNulls("storageClass.regions", regions)),
                Boolean.TRUE.equals(sameRackAllowed),
                blockSize == null ? 4096 : blockSize,
                orZero(maxIOPSPerGB),
                orZero(desiredIOPSPerGB),
                orZero(maxBWPerGB),
                orZero(desiredBWPerGB),
                orZero(maxReplicaDownTime),
                name);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
