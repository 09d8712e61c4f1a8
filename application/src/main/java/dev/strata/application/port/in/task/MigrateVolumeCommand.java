package dev.strata.application.port.in.task;

import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.volume.ReplicaId;
import java.util.Objects;
import java.util.Optional;

/** {@code POST [t]/migrate_volume} {@code {volId, repId?, migrationHandler? (ignored), destinationBackendId?}}. */
public record MigrateVolumeCommand(VolumeRef volume, Optional<ReplicaId> replica, Optional<NodeId> destination) {

    public MigrateVolumeCommand {
        Objects.requireNonNull(volume);
        Objects.requireNonNull(replica);
        Objects.requireNonNull(destination);
    }
}
