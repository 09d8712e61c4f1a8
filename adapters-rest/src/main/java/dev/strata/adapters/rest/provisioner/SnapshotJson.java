package dev.strata.adapters.rest.provisioner;

import dev.strata.domain.Bytes;
import dev.strata.domain.volume.Snapshot;

/**
 * A snapshot as the provisioner dialect shows it: {@code capacity} is the volume's size when it was
 * taken and {@code reservedSpace} the reserve on each node that keeps a copy, both in GiB;
 * {@code timestamp} in epoch milliseconds.
 */
public record SnapshotJson(String snapshotID, String alias, String volumeID, String tenantId, long capacity,
                           long reservedSpace, long timestamp) {

    static SnapshotJson from(Snapshot snapshot) {
        return new SnapshotJson(snapshot.id().value(), snapshot.alias(), snapshot.volume().value(),
                snapshot.tenant().value(), Bytes.toGiB(snapshot.capacity()), Bytes.toGiB(snapshot.reservedSpace()),
                snapshot.createdAt().toEpochMilli());
    }
}
