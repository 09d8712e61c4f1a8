package dev.strata.adapters.rest.provisioner;

import dev.strata.domain.volume.Replica;

/** A replica, as {@code POST [t]/replica/{volUuid}} answers it: the shape of a volume's {@code location} entry. */
public record ReplicaJson(String uuid, VolumeJson.BackendRef backend, String replicaState, long currentStateTime) {

    static ReplicaJson from(Replica replica, java.time.Instant now) {
        return new ReplicaJson(replica.id().value(), new VolumeJson.BackendRef(replica.node().value()),
                replica.state().label(), VolumeJson.msInState(replica, now));
    }
}
