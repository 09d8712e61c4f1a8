package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.application.port.in.node.GetClusterNodeUseCase;
import dev.strata.application.port.in.node.ListClusterNodesUseCase;
import dev.strata.domain.DomainException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

@Path("v1/cluster/nodes")
@Produces(MediaType.APPLICATION_JSON)
public final class ClusterNodesResource {

    private final ListClusterNodesUseCase list;
    private final GetClusterNodeUseCase get;

    public ClusterNodesResource(ListClusterNodesUseCase list, GetClusterNodeUseCase get) {
        this.list = list;
        this.get = get;
    }

    @GET
    public List<ClusterNodeJson> list(@Context SecurityContext security) {
        return list.listClusterNodes(caller(security)).stream().map(ClusterNodeJson::from).toList();
    }

    /** One node object, as Qumulo answers (not an array). */
    @GET
    @Path("{id}")
    public ClusterNodeJson get(@Context SecurityContext security, @PathParam("id") String id) {
        int number;
        try {
            number = Integer.parseInt(id);
        } catch (NumberFormatException notANumber) {
            throw DomainException.notExists("node " + id.substring(0, Math.min(id.length(), 32)) + " does not exist");
        }
        return ClusterNodeJson.from(get.getClusterNode(caller(security), number));
    }
}
