package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.volume.CloneVolumeUseCase;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST [t]/clone_volume}: a new volume with another's data. */
@Path(TenantPrefix.TEMPLATE + "clone_volume")
@Produces(MediaType.APPLICATION_JSON)
public final class CloneVolumeResource {

    private final CloneVolumeUseCase cloneVolume;

    public CloneVolumeResource(CloneVolumeUseCase cloneVolume) {
        this.cloneVolume = cloneVolume;
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, @PathParam("tenant") String tenant,
                           CloneCreation body) {
        return VolumeResource.created(uri, tenant, cloneVolume.cloneVolume(caller(security),
                Bodies.required(body).toCommand(TenantPrefix.named(tenant))));
    }
}
