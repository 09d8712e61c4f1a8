package dev.strata.adapters.rest.provisioner;

import dev.strata.domain.Bytes;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeSpec;
import java.time.Instant;
import java.util.List;

/**
 * A volume as the provisioner dialect shows it: capacity in whole GiB, times in epoch
 * milliseconds (but a replica's {@code currentStateTime} is the time in its state, in ms), each
 * replica in {@code location}, its {@code uuid} the NVMe namespace UUID.
 */
public record VolumeJson(
        String uuid,
        String alias,
        String tenantId,
        long capacity,
        int numReplicas,
        String provisioningType,
        int reservedSpacePercentage,
        int blockSize,
        long maxIOPS,
        long desiredIOPS,
        long maxBW,
        long desiredBW,
        long maxReplicaDownTime,
        String snapshotID,
        boolean writable,
        String protocol,
        boolean replicable,
        String state,
        long createdAt,
        List<Location> location) {

    /** One replica: where it lives and what is known of it. */
    public record Location(String uuid, BackendRef backend, String replicaState, long currentStateTime) {

        static Location from(Replica replica, Instant now) {
            return new Location(replica.id().value(), new BackendRef(replica.node().value()), replica.state().label(),
                    VolumeJson.msInState(replica, now));
        }
    }

    /**
     * How long the replica has been in its state, in ms ({@code currentStateTime}): a duration,
     * which the KumoScale host agent compares with {@code maxReplicaDownTime}; never negative.
     */
    static long msInState(Replica replica, Instant now) {
        return Math.max(0, now.toEpochMilli() - replica.stateTime().toEpochMilli());
    }

    /** A reference to a backend by its persistent id. */
    public record BackendRef(String persistentID) {
    }

    static VolumeJson from(Instant now, Volume volume) {
        VolumeSpec spec = volume.spec();
        return new VolumeJson(
                volume.id().value(),
                spec.alias(),
                volume.tenant().value(),
                Bytes.toGiB(spec.capacity()),
                volume.replicas().size(),
                spec.provisioning().name(),
                spec.reservedSpacePercentage(),
                spec.storageClass().blockSize(),
                spec.maxIops(),
                spec.desiredIops(),
                spec.maxBandwidth(),
                spec.desiredBandwidth(),
                spec.storageClass().maxReplicaDownTime(),
                volume.origin().map(SnapshotId::value).orElse(""),
                volume.writable(),
                spec.protocol(),
                true,
                volume.state().label(),
                volume.createdAt().toEpochMilli(),
                volume.replicas().stream().map(r -> Location.from(r, now)).toList());
    }
}
