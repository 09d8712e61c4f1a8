package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.PathIds;
import dev.strata.application.port.in.node.GetNodeUseCase;
import dev.strata.application.port.in.node.ListNodesUseCase;
import dev.strata.application.port.in.node.RegisterNodeUseCase;
import dev.strata.application.port.in.node.RemoveNodeUseCase;
import dev.strata.application.port.in.node.UpdateNodeUseCase;
import dev.strata.domain.node.StorageNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import dev.strata.application.port.in.agent.ListNodeAgentsUseCase;
import dev.strata.application.port.in.agent.NodeAgentStatus;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.node.NodeId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage nodes ("backends"), as KumoScale's provisioner serves them. */
@Path("backends")
@Produces(MediaType.APPLICATION_JSON)
public final class BackendResource {

    private final RegisterNodeUseCase register;
    private final ListNodesUseCase list;
    private final GetNodeUseCase get;
    private final UpdateNodeUseCase update;
    private final RemoveNodeUseCase remove;
    private final ListNodeAgentsUseCase agents;

    public BackendResource(RegisterNodeUseCase register, ListNodesUseCase list, GetNodeUseCase get,
                           UpdateNodeUseCase update, RemoveNodeUseCase remove, ListNodeAgentsUseCase agents) {
        this.agents = agents;
        this.register = register;
        this.list = list;
        this.get = get;
        this.update = update;
        this.remove = remove;
    }

    @POST
    public Response register(@Context SecurityContext security, @Context UriInfo uri, BackendRegistration body) {
        StorageNode node = register.register(caller(security), Bodies.required(body).toDeclaration());
        return Response.created(uri.getAbsolutePathBuilder().path(node.id().value()).build())
                .entity(shown(caller(security), node))
                .build();
    }

    @GET
    public List<BackendJson> list(@Context SecurityContext security) {
        Principal caller = caller(security);
        List<StorageNode> nodes = list.list(caller);
        Map<NodeId, NodeAgentStatus> status = agents.agents(caller);
        return nodes.stream().map(node -> BackendJson.from(node, Optional.ofNullable(status.get(node.id())))).toList();
    }

    /** An array of one, as KumoScale answers. */
    @GET
    @Path("{persistentID}")
    public List<BackendJson> get(@Context SecurityContext security, @PathParam("persistentID") String id) {
        return List.of(shown(caller(security), get.get(caller(security), PathIds.node(id))));
    }

    @PUT
    @Path("{persistentID}")
    public BackendJson update(@Context SecurityContext security, @PathParam("persistentID") String id,
                              BackendUpdate body) {
        return shown(caller(security),
                update.update(caller(security), Bodies.required(body).toCommand(PathIds.node(id))));
    }

    @DELETE
    @Path("{persistentID}")
    public Outcome remove(@Context SecurityContext security, @PathParam("persistentID") String id) {
        remove.remove(caller(security), PathIds.node(id));
        return Outcome.success("backend " + id + " removed");
    }

    /** The node with its agent's status, which a caller who may not read backends does not see. */
    private BackendJson shown(Principal caller, StorageNode node) {
        if (!caller.has(Privilege.PRIVILEGE_BACKEND_READ)) {
            return BackendJson.from(node, Optional.empty());
        }
        return BackendJson.from(node, Optional.ofNullable(agents.agents(caller).get(node.id())));
    }

}
