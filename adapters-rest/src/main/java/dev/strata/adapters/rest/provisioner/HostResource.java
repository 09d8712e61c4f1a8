package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.PathIds;
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

    private final HostUseCases hosts;

    public HostResource(HostUseCases hosts) {
        this.hosts = hosts;
    }

    @GET
    public List<HostJson> list(@Context SecurityContext security, @QueryParam("hostName") String name) {
        return hosts.list().list(caller(security), Optional.ofNullable(name)).stream().map(HostJson::from).toList();
    }

    /** An array of one, as every provisioner read answers. */
    @GET
    @Path("{uuid}")
    public List<HostJson> get(@Context SecurityContext security, @PathParam("uuid") String uuid) {
        return List.of(HostJson.from(hosts.get().get(caller(security), PathIds.host(uuid))));
    }

    @DELETE
    @Path("{uuid}")
    public Outcome remove(@Context SecurityContext security, @PathParam("uuid") String uuid) {
        hosts.remove().remove(caller(security), PathIds.host(uuid));
        return Outcome.success("host " + uuid + " removed");
    }

}
