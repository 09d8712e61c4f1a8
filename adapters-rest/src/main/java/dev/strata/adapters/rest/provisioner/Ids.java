package dev.strata.adapters.rest.provisioner;

import dev.strata.domain.DomainException;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.VolumeId;

/**
 * Ids read from paths. An id that cannot exist is simply unknown (404), as a client that deletes
 * by id expects; ids read from bodies are bad input (400) instead, naming the field.
 */
final class Ids {

    private Ids() {
    }

    static VolumeId volume(String text) {
        try {
            return new VolumeId(text);
        } catch (DomainException malformed) {
            throw DomainException.notExists("volume does not exist");
        }
    }

    static ReplicaId replica(String text) {
        try {
            return new ReplicaId(text);
        } catch (DomainException malformed) {
            throw DomainException.notExists("replica does not exist");
        }
    }

    static SnapshotId snapshot(String text) {
        try {
            return new SnapshotId(text);
        } catch (DomainException malformed) {
            throw DomainException.notExists("snapshot does not exist");
        }
    }
}
