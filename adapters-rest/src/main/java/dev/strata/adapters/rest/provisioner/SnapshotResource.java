package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.PathIds;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.volume.CreateSnapshotUseCase;
import dev.strata.application.port.in.volume.DeleteSnapshotUseCase;
import dev.strata.application.port.in.volume.GetSnapshotUseCase;
import dev.strata.application.port.in.volume.ListSnapshotsUseCase;
import dev.strata.application.port.in.volume.SnapshotRef;
import dev.strata.domain.volume.Snapshot;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code [t]/snapshots}: take, list, read, delete. */
@Path(TenantPrefix.TEMPLATE + "snapshots")
@Produces(MediaType.APPLICATION_JSON)
public final class SnapshotResource {

    private final CreateSnapshotUseCase createSnapshot;
    private final ListSnapshotsUseCase listSnapshots;
    private final GetSnapshotUseCase getSnapshot;
    private final DeleteSnapshotUseCase deleteSnapshot;

    public SnapshotResource(CreateSnapshotUseCase createSnapshot, ListSnapshotsUseCase listSnapshots,
                            GetSnapshotUseCase getSnapshot, DeleteSnapshotUseCase deleteSnapshot) {
        this.createSnapshot = createSnapshot;
        this.listSnapshots = listSnapshots;
        this.getSnapshot = getSnapshot;
        this.deleteSnapshot = deleteSnapshot;
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, @PathParam("tenant") String tenant,
                           SnapshotCreation body) {
        Created<Snapshot> created = createSnapshot.create(caller(security),
                Bodies.required(body).toCommand(TenantPrefix.named(tenant)));
        SnapshotJson json = SnapshotJson.from(created.value());
        if (!created.isNew()) {
            return Response.ok(json).build();
        }
        return Response.created(uri.getBaseUriBuilder().path(TenantPrefix.of(tenant) + "snapshots")
                .path(json.snapshotID()).build()).entity(json).build();
    }

    @GET
    public List<SnapshotJson> list(@Context SecurityContext security, @PathParam("tenant") String tenant) {
        return listSnapshots.list(caller(security), TenantPrefix.named(tenant)).stream()
                .map(SnapshotJson::from).toList();
    }

    /** An array of one, as every provisioner read answers. */
    @GET
    @Path("{snapshotID}")
    public List<SnapshotJson> get(@Context SecurityContext security, @PathParam("tenant") String tenant,
                                  @PathParam("snapshotID") String id) {
        return List.of(SnapshotJson.from(getSnapshot.get(caller(security), ref(tenant, id))));
    }

    @DELETE
    @Path("{snapshotID}")
    public Outcome delete(@Context SecurityContext security, @PathParam("tenant") String tenant,
                          @PathParam("snapshotID") String id) {
        deleteSnapshot.delete(caller(security), ref(tenant, id));
        return Outcome.success("snapshot " + id + " deleted");
    }

    private static SnapshotRef ref(String tenant, String id) {
        return new SnapshotRef(TenantPrefix.named(tenant), PathIds.snapshot(id));
    }
}
