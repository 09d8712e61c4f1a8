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
import dev.strata.adapters.rest.provisioner.TenantUseCases;
import dev.strata.adapters.rest.provisioner.VolumeUseCases;
import dev.strata.application.port.in.system.GetSystemInfoUseCase;

/** Everything the HTTP API drives, grouped by concept. Bootstrap fills it in. */
public record UseCases(System system, Access access, Nodes nodes, TenantUseCases tenants, VolumeUseCases volumes) {

    public record System(BuildInfo build, GetSystemInfoUseCase info, CheckReadinessUseCase readiness) {
    }

    public record Access(AuthenticateUseCase authenticate) {
    }

    public record Nodes(RegisterNodeUseCase register, ListNodesUseCase list, GetNodeUseCase get,
                        UpdateNodeUseCase update, RemoveNodeUseCase remove, ListClusterNodesUseCase listCluster,
                        GetClusterNodeUseCase getCluster) {
    }
}
