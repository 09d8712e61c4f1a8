package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.volume.AddReplicaUseCase;
import dev.strata.application.port.in.volume.ChangeVolumeUseCase;
import dev.strata.application.port.in.volume.CloneVolumeUseCase;
import dev.strata.application.port.in.volume.CreateSnapshotUseCase;
import dev.strata.application.port.in.volume.CreateVolumeFromSnapshotUseCase;
import dev.strata.application.port.in.volume.CreateVolumeUseCase;
import dev.strata.application.port.in.volume.DeleteSnapshotUseCase;
import dev.strata.application.port.in.volume.DeleteVolumeUseCase;
import dev.strata.application.port.in.volume.GetSnapshotByAliasUseCase;
import dev.strata.application.port.in.volume.GetSnapshotUseCase;
import dev.strata.application.port.in.volume.GetVolumeByAliasUseCase;
import dev.strata.application.port.in.volume.GetVolumeUseCase;
import dev.strata.application.port.in.volume.ListSnapshotsOfVolumeUseCase;
import dev.strata.application.port.in.volume.ListSnapshotsUseCase;
import dev.strata.application.port.in.volume.ListVolumesUseCase;
import dev.strata.application.port.in.volume.RecordReplicaStateUseCase;
import dev.strata.application.port.in.volume.RemoveReplicaUseCase;
import dev.strata.application.port.in.volume.StreamVolumesUseCase;
import dev.strata.application.port.in.volume.TerminateReplicaUseCase;

/** What the volume, replica, snapshot and clone paths drive. */
public record VolumeUseCases(CreateVolumeUseCase create, GetVolumeUseCase get, GetVolumeByAliasUseCase getByAlias,
                             ListVolumesUseCase page, StreamVolumesUseCase stream, ChangeVolumeUseCase change,
                             DeleteVolumeUseCase delete, AddReplicaUseCase addReplica,
                             TerminateReplicaUseCase terminateReplica, RemoveReplicaUseCase removeReplica,
                             RecordReplicaStateUseCase recordReplicaState, CreateSnapshotUseCase createSnapshot,
                             ListSnapshotsUseCase listSnapshots, GetSnapshotUseCase getSnapshot,
                             GetSnapshotByAliasUseCase getSnapshotByAlias,
                             ListSnapshotsOfVolumeUseCase snapshotsOfVolume, DeleteSnapshotUseCase deleteSnapshot,
                             CreateVolumeFromSnapshotUseCase fromSnapshot, CloneVolumeUseCase cloneVolume) {
}
