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
import java.util.List;

/** Storage nodes ("backends"), as KumoScale's provisioner serves them. */
@Path("backends")
@Produces(MediaType.APPLICATION_JSON)
public final class BackendResource {

    private final RegisterNodeUseCase register;
    private final ListNodesUseCase list;
    private final GetNodeUseCase get;
    private final UpdateNodeUseCase update;
    private final RemoveNodeUseCase remove;

    public BackendResource(RegisterNodeUseCase register, ListNodesUseCase list, GetNodeUseCase get,
                           UpdateNodeUseCase update, RemoveNodeUseCase remove) {
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
                .entity(BackendJson.from(node))
                .build();
    }

    @GET
    public List<BackendJson> list(@Context SecurityContext security) {
        return list.list(caller(security)).stream().map(BackendJson::from).toList();
    }

    /** An array of one, as KumoScale answers. */
    @GET
    @Path("{persistentID}")
    public List<BackendJson> get(@Context SecurityContext security, @PathParam("persistentID") String id) {
        return List.of(BackendJson.from(get.get(caller(security), PathIds.node(id))));
    }

    @PUT
    @Path("{persistentID}")
    public BackendJson update(@Context SecurityContext security, @PathParam("persistentID") String id,
                              BackendUpdate body) {
        return BackendJson.from(update.update(caller(security), Bodies.required(body).toCommand(PathIds.node(id))));
    }

    @DELETE
    @Path("{persistentID}")
    public Outcome remove(@Context SecurityContext security, @PathParam("persistentID") String id) {
        remove.remove(caller(security), PathIds.node(id));
        return Outcome.success("backend " + id + " removed");
    }

}
