package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.PathIds;
import dev.strata.application.port.in.host.GetHostUseCase;
import dev.strata.application.port.in.host.ListHostsUseCase;
import dev.strata.application.port.in.host.RemoveHostUseCase;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;

/** {@code /hosts}: list (or find by {@code hostName}), read one, remove. */
@Path("hosts")
@Produces(MediaType.APPLICATION_JSON)
public final class HostResource {

    private final ListHostsUseCase list;
    private final GetHostUseCase get;
    private final RemoveHostUseCase remove;

    public HostResource(ListHostsUseCase list, GetHostUseCase get, RemoveHostUseCase remove) {
        this.list = list;
        this.get = get;
        this.remove = remove;
    }

    @GET
    public List<HostJson> list(@Context SecurityContext security, @QueryParam("hostName") String name) {
        return list.list(caller(security), Optional.ofNullable(name)).stream().map(HostJson::from).toList();
    }

    /** An array of one, as every provisioner read answers. */
    @GET
    @Path("{uuid}")
    public List<HostJson> get(@Context SecurityContext security, @PathParam("uuid") String uuid) {
        return List.of(HostJson.from(get.get(caller(security), PathIds.host(uuid))));
    }

    @DELETE
    @Path("{uuid}")
    public Outcome remove(@Context SecurityContext security, @PathParam("uuid") String uuid) {
        remove.remove(caller(security), PathIds.host(uuid));
        return Outcome.success("host " + uuid + " removed");
    }

}
