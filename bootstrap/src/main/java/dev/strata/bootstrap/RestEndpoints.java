package dev.strata.bootstrap;

import dev.strata.adapters.rest.cluster.AccessTokensResource;
import dev.strata.adapters.rest.cluster.AuditResource;
import dev.strata.adapters.rest.cluster.ClusterNodesResource;
import dev.strata.adapters.rest.cluster.ClusterSummaryResource;
import dev.strata.adapters.rest.cluster.IdentityResource;
import dev.strata.adapters.rest.cluster.PrivilegesResource;
import dev.strata.adapters.rest.cluster.RolesResource;
import dev.strata.adapters.rest.cluster.SessionResource;
import dev.strata.adapters.rest.cluster.UsersResource;
import dev.strata.adapters.rest.cluster.VersionResource;
import dev.strata.adapters.rest.ops.HealthResource;
import dev.strata.adapters.rest.ops.MetricsResource;
import dev.strata.adapters.rest.ops.OpenApiResource;
import dev.strata.adapters.rest.ops.RequestMetrics;
import dev.strata.adapters.rest.agent.AgentResource;
import dev.strata.adapters.rest.provisioner.BackendResource;
import dev.strata.adapters.rest.provisioner.CloneVolumeResource;
import dev.strata.adapters.rest.provisioner.HostProbeResource;
import dev.strata.adapters.rest.provisioner.HostResource;
import dev.strata.adapters.rest.provisioner.InfoResource;
import dev.strata.adapters.rest.provisioner.PublishResource;
import dev.strata.adapters.rest.provisioner.ConnectResource;
import dev.strata.adapters.rest.provisioner.DisconnectResource;
import dev.strata.adapters.rest.provisioner.MigrateVolumeResource;
import dev.strata.adapters.rest.provisioner.TaskResource;
import dev.strata.adapters.rest.provisioner.ForwardLogResource;
import dev.strata.adapters.rest.cluster.HostEventsResource;
import dev.strata.adapters.rest.provisioner.ReplicaResource;
import dev.strata.adapters.rest.provisioner.SnapshotResource;
import dev.strata.adapters.rest.provisioner.SnapshotVolumeResource;
import dev.strata.adapters.rest.provisioner.SnapshotsByAliasResource;
import dev.strata.adapters.rest.provisioner.SnapshotsByVolumeResource;
import dev.strata.adapters.rest.provisioner.TargetResource;
import dev.strata.adapters.rest.provisioner.TenantResource;
import dev.strata.adapters.rest.provisioner.UnpublishResource;
import dev.strata.adapters.rest.provisioner.VolumeByAliasResource;
import dev.strata.adapters.rest.provisioner.VolumeResource;
import dev.strata.application.BuildInfo;
import dev.strata.application.service.AccessTokenService;
import dev.strata.application.service.HostService;
import dev.strata.application.service.NodeService;
import dev.strata.application.service.RoleService;
import dev.strata.application.service.SnapshotService;
import dev.strata.application.service.SystemService;
import dev.strata.application.service.TenantService;
import dev.strata.application.service.UserService;
import dev.strata.application.service.VolumeService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * Every endpoint of the REST adapter, each resource given the use cases it calls. A resource's
 * constructor names the use-case interfaces it needs; a service passed several times fills
 * several of them, and the compiler checks that it implements each.
 */
final class RestEndpoints {

    private RestEndpoints() {
    }

    static List<Object> of(Services app, BuildInfo build) {
        SystemService system = app.system();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        UserService users = app.users();
        RoleService roles = app.roles();
        AccessTokenService tokens = app.tokens();
        NodeService nodes = app.nodes();
        TenantService tenants = app.tenants();
        VolumeService volumes = app.volumes();
        SnapshotService snapshots = app.snapshots();
        HostService hosts = app.hosts();
        return List.of(
                // operations
                new InfoResource(system),
                new VersionResource(build),
                new HealthResource(system),
                new RequestMetrics(metrics),
                new MetricsResource(system, metrics, build, app.tasks()),
                new OpenApiResource(build),
                new ClusterSummaryResource(app.summary()),
                // cluster and session (/v1)
                new SessionResource(app.authentication(), app.authentication(), app.accounts(), app.accounts()),
                new UsersResource(users, users, users, users, users, users),
                new IdentityResource(users),
                new RolesResource(roles, roles, roles, roles, roles, roles, roles, roles),
                new PrivilegesResource(roles),
                new AccessTokensResource(tokens, tokens, tokens, tokens, tokens),
                new AuditResource(app.audit()),
                new ClusterNodesResource(nodes, nodes),
                // provisioner
                new BackendResource(nodes, nodes, nodes, nodes, nodes, app.agents()),
                new AgentResource(app.agents(), app.agents()),
                new TenantResource(tenants, tenants, tenants, tenants, tenants),
                new VolumeResource(volumes, volumes, volumes, volumes, volumes, volumes, app.clock()),
                new VolumeByAliasResource(volumes, app.clock()),
                new ReplicaResource(volumes, volumes, volumes, volumes, app.clock()),
                new SnapshotResource(snapshots, snapshots, snapshots, snapshots),
                new SnapshotsByVolumeResource(snapshots),
                new SnapshotsByAliasResource(snapshots),
                new SnapshotVolumeResource(snapshots),
                new CloneVolumeResource(snapshots),
                new HostProbeResource(hosts),
                new HostResource(hosts, hosts, hosts),
                new PublishResource(app.publications()),
                new UnpublishResource(app.publications()),
                new TargetResource(app.publications()),
                // host agents
                new TaskResource(app.tasks(), app.tasks(), app.tasks(), app.tasks()),
                new ConnectResource(app.tasks()),
                new DisconnectResource(app.tasks()),
                new MigrateVolumeResource(app.tasks()),
                new ForwardLogResource(app.hostEvents(), app.clock()),
                new HostEventsResource(app.hostEvents()));
    }
}
