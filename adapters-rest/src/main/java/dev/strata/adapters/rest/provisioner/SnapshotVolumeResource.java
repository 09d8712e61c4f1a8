package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.volume.CreateVolumeFromSnapshotUseCase;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST [t]/snapshot_volumes}: a volume made from a snapshot, on the snapshot's nodes. */
@Path(TenantPrefix.TEMPLATE + "snapshot_volumes")
@Produces(MediaType.APPLICATION_JSON)
public final class SnapshotVolumeResource {

    private final CreateVolumeFromSnapshotUseCase fromSnapshot;

    public SnapshotVolumeResource(CreateVolumeFromSnapshotUseCase fromSnapshot) {
        this.fromSnapshot = fromSnapshot;
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, @PathParam("tenant") String tenant,
                           SnapshotVolumeCreation body) {
        return VolumeResource.created(uri, tenant, fromSnapshot.createFromSnapshot(caller(security),
                Bodies.required(body).toCommand(TenantPrefix.named(tenant))));
    }
}
