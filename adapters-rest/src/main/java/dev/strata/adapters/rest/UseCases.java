package dev.strata.adapters.rest;

import dev.strata.application.BuildInfo;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.application.port.in.node.GetClusterNodeUseCase;
import dev.strata.application.port.in.node.GetNodeUseCase;
import dev.strata.application.port.in.node.ListClusterNodesUseCase;
import dev.strata.application.port.in.node.ListNodesUseCase;
import dev.strata.application.port.in.node.RegisterNodeUseCase;
import dev.strata.application.port.in.node.RemoveNodeUseCase;
import dev.strata.application.port.in.node.UpdateNodeUseCase;
import dev.strata.application.port.in.system.CheckReadinessUseCase;
import dev.strata.application.port.in.system.GetSystemInfoUseCase;
import dev.strata.application.port.in.tenant.CreateTenantUseCase;
import dev.strata.application.port.in.tenant.DeleteTenantUseCase;
import dev.strata.application.port.in.tenant.GetTenantUseCase;
import dev.strata.application.port.in.tenant.ListTenantsUseCase;
import dev.strata.application.port.in.tenant.UpdateTenantUseCase;
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

/** Everything the HTTP API drives, grouped by concept. Bootstrap fills it in. */
public record UseCases(System system, Access access, Nodes nodes, Tenants tenants, Volumes volumes) {

    public record System(BuildInfo build, GetSystemInfoUseCase info, CheckReadinessUseCase readiness) {
    }

    public record Access(AuthenticateUseCase authenticate) {
    }

    public record Nodes(RegisterNodeUseCase register, ListNodesUseCase list, GetNodeUseCase get,
                        UpdateNodeUseCase update, RemoveNodeUseCase remove, ListClusterNodesUseCase listCluster,
                        GetClusterNodeUseCase getCluster) {
    }

    public record Tenants(CreateTenantUseCase create, ListTenantsUseCase list, GetTenantUseCase get,
                          UpdateTenantUseCase update, DeleteTenantUseCase delete) {
    }

    /** Volumes, their replicas, snapshots and clones. */
    public record Volumes(CreateVolumeUseCase create, GetVolumeUseCase get, GetVolumeByAliasUseCase getByAlias,
                          ListVolumesUseCase page, StreamVolumesUseCase stream, ChangeVolumeUseCase change,
                          DeleteVolumeUseCase delete, AddReplicaUseCase addReplica,
                          TerminateReplicaUseCase terminateReplica, RemoveReplicaUseCase removeReplica,
                          RecordReplicaStateUseCase recordReplicaState, CreateSnapshotUseCase createSnapshot,
                          ListSnapshotsUseCase listSnapshots, GetSnapshotUseCase getSnapshot,
                          GetSnapshotByAliasUseCase getSnapshotByAlias, ListSnapshotsOfVolumeUseCase snapshotsOfVolume,
                          DeleteSnapshotUseCase deleteSnapshot, CreateVolumeFromSnapshotUseCase fromSnapshot,
                          CloneVolumeUseCase cloneVolume) {
    }
}
