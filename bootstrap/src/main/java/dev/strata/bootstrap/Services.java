package dev.strata.bootstrap;

import dev.strata.application.service.AccessTokenService;
import dev.strata.application.service.AccountService;
import dev.strata.application.service.AuditService;
import dev.strata.application.service.AuthenticationService;
import dev.strata.application.service.ClusterSummaryService;
import dev.strata.application.service.HostEventService;
import dev.strata.application.service.HostService;
import dev.strata.application.service.NodeAgentService;
import dev.strata.application.service.NodeService;
import dev.strata.application.service.PublicationService;
import dev.strata.application.service.TaskService;
import dev.strata.application.service.RoleService;
import dev.strata.application.service.SnapshotService;
import dev.strata.application.service.SystemService;
import dev.strata.application.service.TenantService;
import dev.strata.application.service.UserService;
import dev.strata.application.service.VolumeService;

/**
 * The application as {@link Wiring} builds it: one service per concept, each implementing that
 * concept's use cases ({@code port.in}). The REST adapter's resources are given the use cases they
 * call from here ({@link RestEndpoints}); offline tools such as the benchmarks drive them directly.
 * Every component has its own type, so the record cannot be filled in the wrong order.
 */
public record Services(SystemService system, AuthenticationService authentication, AccountService accounts,
                       UserService users, RoleService roles, AccessTokenService tokens, AuditService audit,
                       NodeService nodes, TenantService tenants, VolumeService volumes, SnapshotService snapshots,
                       HostService hosts, PublicationService publications, NodeAgentService agents,
                       ClusterSummaryService summary, TaskService tasks,
                       HostEventService hostEvents, java.time.InstantSource clock) {
}
