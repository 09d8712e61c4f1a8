package dev.strata.adapters.rest;

import dev.strata.adapters.rest.agent.AgentResource;
import dev.strata.adapters.rest.cluster.AccessTokensResource;
import dev.strata.adapters.rest.cluster.AuditResource;
import dev.strata.adapters.rest.cluster.ClusterNodesResource;
import dev.strata.adapters.rest.cluster.IdentityResource;
import dev.strata.adapters.rest.cluster.PrivilegesResource;
import dev.strata.adapters.rest.cluster.RolesResource;
import dev.strata.adapters.rest.cluster.SessionResource;
import dev.strata.adapters.rest.cluster.UsersResource;
import dev.strata.adapters.rest.cluster.VersionResource;
import dev.strata.adapters.rest.error.DomainExceptionMapper;
import dev.strata.adapters.rest.error.JsonExceptionMapper;
import dev.strata.adapters.rest.error.UnexpectedExceptionMapper;
import dev.strata.adapters.rest.error.WebApplicationExceptionMapper;
import dev.strata.adapters.rest.filter.AuthenticationFilter;
import dev.strata.adapters.rest.filter.RequestBodyFilter;
import dev.strata.adapters.rest.filter.RequestIdFilter;
import dev.strata.adapters.rest.filter.TrailingSlashFilter;
import dev.strata.adapters.rest.http.ObjectMapperResolver;
import dev.strata.adapters.rest.ops.HealthResource;
import dev.strata.adapters.rest.ops.MetricsResource;
import dev.strata.adapters.rest.ops.OpenApiResource;
import dev.strata.adapters.rest.ops.RequestMetrics;
import dev.strata.adapters.rest.provisioner.BackendResource;
import dev.strata.adapters.rest.provisioner.CloneVolumeResource;
import dev.strata.adapters.rest.provisioner.HostProbeResource;
import dev.strata.adapters.rest.provisioner.HostResource;
import dev.strata.adapters.rest.provisioner.HostUseCases;
import dev.strata.adapters.rest.provisioner.InfoResource;
import dev.strata.adapters.rest.provisioner.PublishResource;
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
import dev.strata.adapters.rest.provisioner.VolumeUseCases;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The HTTP API as one Jersey application: hand-built resources, filters and error mappers. */
public final class RestApi {

    private RestApi() {
    }

    /**
     * Every endpoint the application serves, as {@code "METHOD /path"} with Jersey's path templates
     * stripped of their regular expressions ({@code {tenant: …}} becomes {@code {tenant}}), with
     * Jersey's model of the method serving it.
     */
    public static SortedMap<String, ResourceMethod> resourceMethods(ResourceConfig config) {
        SortedMap<String, ResourceMethod> methods = new TreeMap<>();
        for (Object instance : config.getInstances()) {
            if (instance.getClass().isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                collect(Resource.from(instance.getClass()), "", methods);
            }
        }
        return methods;
    }

    private static void collect(Resource resource, String prefix, Map<String, ResourceMethod> methods) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            methods.put(method.getHttpMethod() + " " + (path.isEmpty() ? "/" : path), method);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, methods);
        }
    }

    private static String join(String prefix, String path) {
        String part = path == null ? "" : path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        part = part.replaceAll("^/+|/+$", "");
        if (part.isEmpty()) {
            return prefix;
        }
        return prefix + "/" + part;
    }

    public static ResourceConfig resourceConfig(UseCases useCases) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("strata");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);

        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new ObjectMapperResolver());

        config.register(new RequestIdFilter());
        config.register(new TrailingSlashFilter());
        config.register(new RequestBodyFilter());
        config.register(new AuthenticationFilter(useCases.sessions().authenticate()));

        config.register(new DomainExceptionMapper());
        config.register(new JsonExceptionMapper());
        config.register(new WebApplicationExceptionMapper());
        config.register(new RequestBodyFilter.BodyTooLargeMapper());
        config.register(new UnexpectedExceptionMapper());

        UseCases.System system = useCases.system();
        config.register(new InfoResource(system.info()));
        config.register(new VersionResource(system.build()));
        config.register(new HealthResource(system.readiness()));
        RequestMetrics requests = new RequestMetrics();
        config.register(requests);
        config.register(new MetricsResource(system.metrics(), requests, system.build()));
        config.register(new OpenApiResource(system.build()));

        UseCases.Sessions sessions = useCases.sessions();
        config.register(new SessionResource(sessions.login(), sessions.logout(), sessions.whoAmI(),
                sessions.changePassword()));
        UseCases.Users users = useCases.users();
        config.register(new UsersResource(users.list(), users.get(), users.create(), users.update(), users.delete(),
                users.setPassword()));
        config.register(new IdentityResource(users.find()));
        UseCases.Roles roles = useCases.roles();
        config.register(new RolesResource(roles.list(), roles.get(), roles.create(), roles.update(), roles.delete(),
                roles.members(), roles.addMember(), roles.removeMember()));
        config.register(new PrivilegesResource(roles.privileges()));
        UseCases.Tokens tokens = useCases.tokens();
        config.register(new AccessTokensResource(tokens.create(), tokens.list(), tokens.get(), tokens.modify(),
                tokens.delete()));
        config.register(new AuditResource(useCases.audit().read()));

        UseCases.Nodes nodes = useCases.nodes();
        config.register(new BackendResource(nodes.register(), nodes.list(), nodes.get(), nodes.update(),
                nodes.remove(), useCases.agents().list()));
        config.register(new AgentResource(useCases.agents().desired(), useCases.agents().observed()));
        config.register(new ClusterNodesResource(nodes.listCluster(), nodes.getCluster()));

        config.register(new TenantResource(useCases.tenants()));
        VolumeUseCases volumes = useCases.volumes();
        config.register(new VolumeResource(volumes));
        config.register(new VolumeByAliasResource(volumes));
        config.register(new ReplicaResource(volumes));
        config.register(new SnapshotResource(volumes));
        config.register(new SnapshotsByVolumeResource(volumes));
        config.register(new SnapshotsByAliasResource(volumes));
        config.register(new SnapshotVolumeResource(volumes));
        config.register(new CloneVolumeResource(volumes));
        HostUseCases hosts = useCases.hosts();
        config.register(new HostProbeResource(hosts));
        config.register(new HostResource(hosts));
        config.register(new PublishResource(hosts));
        config.register(new UnpublishResource(hosts));
        config.register(new TargetResource(hosts));
        return config;
    }
}
