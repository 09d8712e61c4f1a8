package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.Times;
import dev.strata.application.port.in.cluster.ClusterSummary;
import dev.strata.application.port.in.cluster.ClusterSummaryQuery;
import dev.strata.application.port.in.cluster.ReadClusterSummaryUseCase;
import dev.strata.domain.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * {@code GET /v1/cluster/summary}: the cluster at a glance (capacity, nodes by rack and zone,
 * faults, tenants against budgets, counts), what the console's dashboard shows. Byte figures
 * are decimal strings, as elsewhere under {@code /v1/}.
 */
@Path("v1/cluster/summary")
@Produces(MediaType.APPLICATION_JSON)
public final class ClusterSummaryResource {

    record Capacity(@JsonProperty("total_bytes") String total, @JsonProperty("allocated_bytes") String allocated,
                    @JsonProperty("free_bytes") String free, @JsonProperty("provisioned_bytes") String provisioned,
                    @JsonProperty("thin_overcommit") double thinOvercommit,
                    @JsonProperty("thin_limit_bytes") String thinLimit) {
    }

    record Node(String uuid, int id, String name, String rack, String zone, String state,
                @JsonProperty("total_bytes") String total, @JsonProperty("allocated_bytes") String allocated,
                @JsonProperty("free_bytes") String free, @JsonProperty("provisioned_bytes") String provisioned) {

        static Node from(ClusterSummary.NodeLine n) {
            return new Node(n.id().value(), n.number(), n.name(), n.rack(), n.zone(), n.state().label(),
                    Long.toString(n.total()), Long.toString(n.allocated()), Long.toString(n.free()),
                    Long.toString(n.provisioned()));
        }
    }

    record Group(String name, int nodes, @JsonProperty("total_bytes") String total,
                 @JsonProperty("allocated_bytes") String allocated, @JsonProperty("free_bytes") String free) {

        static Group from(ClusterSummary.Group g) {
            return new Group(g.name(), g.nodes(), Long.toString(g.total()), Long.toString(g.allocated()),
                    Long.toString(g.free()));
        }
    }

    record BadReplica(String uuid, @JsonProperty("node_uuid") String node, String state, String since) {
    }

    record DegradedVolume(String uuid, String tenant, String alias, List<BadReplica> replicas) {

        static DegradedVolume from(ClusterSummary.DegradedVolume v) {
            return new DegradedVolume(v.id().value(), v.tenant().value(), v.alias(), v.replicas().stream()
                    .map(r -> new BadReplica(r.id().value(), r.node().value(), r.state().label(),
                            Times.format(r.since())))
                    .toList());
        }
    }

    record OfflineHost(String id, String name, String nqn) {
    }

    record FailedSubsystem(@JsonProperty("node_id") String node, String nqn, String reason,
                           @JsonProperty("reported_at") String reportedAt) {
    }

    record Faults(@JsonProperty("degraded_volumes") List<DegradedVolume> degradedVolumes,
                  @JsonProperty("degraded_volume_count") long degradedVolumeCount,
                  @JsonProperty("unavailable_nodes") List<String> unavailableNodes,
                  @JsonProperty("offline_hosts") List<OfflineHost> offlineHosts,
                  @JsonProperty("failed_subsystems") List<FailedSubsystem> failedSubsystems) {
    }

    record Tenant(String id, String name, @JsonProperty("capacity_bytes") String capacity,
                  @JsonProperty("consumed_bytes") String consumed) {
    }

    record Counts(int nodes, @JsonProperty("unavailable_nodes") int unavailableNodes,
                  @JsonProperty("maintenance_nodes") int maintenanceNodes, long volumes,
                  @JsonProperty("degraded_volumes") long degradedVolumes, int hosts,
                  @JsonProperty("offline_hosts") int offlineHosts, int tenants) {
    }

    record Summary(Capacity capacity, List<Node> nodes, List<Group> racks, List<Group> zones, Faults faults,
                   List<Tenant> tenants, Counts counts) {
    }

    private final ReadClusterSummaryUseCase summary;

    public ClusterSummaryResource(ReadClusterSummaryUseCase summary) {
        this.summary = summary;
    }

    @GET
    public Summary summary(@Context SecurityContext security, @QueryParam("fault_limit") String faultLimit) {
        ClusterSummary s = summary.summary(caller(security), new ClusterSummaryQuery(limit(faultLimit)));
        ClusterSummary.Capacity c = s.capacity();
        return new Summary(
                new Capacity(Long.toString(c.total()), Long.toString(c.allocated()), Long.toString(c.free()),
                        Long.toString(c.provisioned()), s.thinOvercommit(), Long.toString(s.thinLimit())),
                s.nodes().stream().map(Node::from).toList(),
                s.racks().stream().map(Group::from).toList(),
                s.zones().stream().map(Group::from).toList(),
                new Faults(s.degradedVolumes().stream().map(DegradedVolume::from).toList(), s.degradedVolumeCount(),
                        s.nodes().stream().filter(n -> n.state() == dev.strata.domain.node.NodeState.UNAVAILABLE)
                                .map(n -> n.id().value()).toList(),
                        s.offlineHosts().stream().map(h -> new OfflineHost(h.id().value(), h.name(), h.nqn()))
                                .toList(),
                        s.failedSubsystems().stream().map(f -> new FailedSubsystem(f.node().value(), f.nqn(),
                                f.reason(), Times.format(f.reportedAt()))).toList()),
                s.tenants().stream().map(t -> new Tenant(t.id().value(), t.name(), Long.toString(t.capacity()),
                        Long.toString(t.consumed()))).toList(),
                new Counts(s.counts().nodes(), s.counts().unavailableNodes(), s.counts().maintenanceNodes(),
                        s.counts().volumes(), s.degradedVolumeCount(), s.counts().hosts(),
                        s.counts().offlineHosts(), s.counts().tenants()));
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return ClusterSummaryQuery.DEFAULT_FAULT_LIMIT;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalidInput("fault_limit must be a whole number");
        }
    }
}
