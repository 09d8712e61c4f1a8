package dev.strata.adapters.rest;

import dev.strata.application.BuildInfo;
import dev.strata.application.port.in.access.AddRoleMemberUseCase;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.application.port.in.access.ChangePasswordUseCase;
import dev.strata.application.port.in.access.CreateAccessTokenUseCase;
import dev.strata.application.port.in.access.CreateRoleUseCase;
import dev.strata.application.port.in.access.CreateUserUseCase;
import dev.strata.application.port.in.access.DeleteAccessTokenUseCase;
import dev.strata.application.port.in.access.DeleteRoleUseCase;
import dev.strata.application.port.in.access.DeleteUserUseCase;
import dev.strata.application.port.in.access.FindIdentityUseCase;
import dev.strata.application.port.in.access.GetAccessTokenUseCase;
import dev.strata.application.port.in.access.GetRoleUseCase;
import dev.strata.application.port.in.access.GetUserUseCase;
import dev.strata.application.port.in.access.ListAccessTokensUseCase;
import dev.strata.application.port.in.access.ListPrivilegesUseCase;
import dev.strata.application.port.in.access.ListRoleMembersUseCase;
import dev.strata.application.port.in.access.ListRolesUseCase;
import dev.strata.application.port.in.access.ListUsersUseCase;
import dev.strata.application.port.in.access.LoginUseCase;
import dev.strata.application.port.in.access.LogoutUseCase;
import dev.strata.application.port.in.access.ModifyAccessTokenUseCase;
import dev.strata.application.port.in.access.RemoveRoleMemberUseCase;
import dev.strata.application.port.in.access.SetPasswordUseCase;
import dev.strata.application.port.in.access.UpdateRoleUseCase;
import dev.strata.application.port.in.access.UpdateUserUseCase;
import dev.strata.application.port.in.access.WhoAmIUseCase;
import dev.strata.application.port.in.audit.ReadAuditLogUseCase;
import dev.strata.application.port.in.node.GetClusterNodeUseCase;
import dev.strata.application.port.in.node.GetNodeUseCase;
import dev.strata.application.port.in.node.ListClusterNodesUseCase;
import dev.strata.application.port.in.node.ListNodesUseCase;
import dev.strata.application.port.in.node.RegisterNodeUseCase;
import dev.strata.application.port.in.node.RemoveNodeUseCase;
import dev.strata.application.port.in.node.UpdateNodeUseCase;
import dev.strata.application.port.in.system.CheckReadinessUseCase;
import dev.strata.adapters.rest.provisioner.HostUseCases;
import dev.strata.adapters.rest.provisioner.TenantUseCases;
import dev.strata.adapters.rest.provisioner.VolumeUseCases;
import dev.strata.application.port.in.system.GetSystemInfoUseCase;
import dev.strata.application.port.in.system.ReadMetricsUseCase;

/** Everything the HTTP API drives, grouped by concept. Bootstrap fills it in. */
public record UseCases(System system, Sessions sessions, Users users, Roles roles, Tokens tokens, Audit audit,
                       Nodes nodes, TenantUseCases tenants, VolumeUseCases volumes,
                       HostUseCases hosts, Agents agents) {

    /** The storage nodes' agents (API.md §8). */
    public record Agents(dev.strata.application.port.in.agent.ReadDesiredStateUseCase desired,
                         dev.strata.application.port.in.agent.ReportObservedStateUseCase observed,
                         dev.strata.application.port.in.agent.ListNodeAgentsUseCase list) {
    }

    public record System(BuildInfo build, GetSystemInfoUseCase info, CheckReadinessUseCase readiness,
                         ReadMetricsUseCase metrics) {
    }

    public record Sessions(AuthenticateUseCase authenticate, LoginUseCase login, LogoutUseCase logout,
                           WhoAmIUseCase whoAmI, ChangePasswordUseCase changePassword) {
    }

    public record Users(ListUsersUseCase list, GetUserUseCase get, CreateUserUseCase create, UpdateUserUseCase update,
                        DeleteUserUseCase delete, SetPasswordUseCase setPassword, FindIdentityUseCase find) {
    }

    public record Roles(ListRolesUseCase list, GetRoleUseCase get, CreateRoleUseCase create, UpdateRoleUseCase update,
                        DeleteRoleUseCase delete, ListRoleMembersUseCase members, AddRoleMemberUseCase addMember,
                        RemoveRoleMemberUseCase removeMember, ListPrivilegesUseCase privileges) {
    }

    public record Tokens(CreateAccessTokenUseCase create, ListAccessTokensUseCase list, GetAccessTokenUseCase get,
                         ModifyAccessTokenUseCase modify, DeleteAccessTokenUseCase delete) {
    }

    public record Audit(ReadAuditLogUseCase read) {
    }

    public record Nodes(RegisterNodeUseCase register, ListNodesUseCase list, GetNodeUseCase get,
                        UpdateNodeUseCase update, RemoveNodeUseCase remove, ListClusterNodesUseCase listCluster,
                        GetClusterNodeUseCase getCluster) {
    }
}
