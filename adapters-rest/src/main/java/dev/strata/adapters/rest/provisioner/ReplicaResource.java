package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.PathIds;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.volume.AddReplicaUseCase;
import dev.strata.application.port.in.volume.RecordReplicaStateUseCase;
import dev.strata.application.port.in.volume.RemoveReplicaUseCase;
import dev.strata.application.port.in.volume.ReplicaRef;
import dev.strata.application.port.in.volume.TerminateReplicaUseCase;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaState;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.InstantSource;

/** {@code [t]/replica/{volUuid}[/{replicaUuid}[/{state}]]}: add, mark Terminating, remove, record state. */
@Path(TenantPrefix.TEMPLATE + "replica")
@Produces(MediaType.APPLICATION_JSON)
public final class ReplicaResource {

    private final AddReplicaUseCase addReplica;
    private final TerminateReplicaUseCase terminateReplica;
    private final RemoveReplicaUseCase removeReplica;
    private final RecordReplicaStateUseCase recordReplicaState;
    private final InstantSource clock;

    public ReplicaResource(AddReplicaUseCase addReplica, TerminateReplicaUseCase terminateReplica,
                           RemoveReplicaUseCase removeReplica, RecordReplicaStateUseCase recordReplicaState) {
        this(addReplica, terminateReplica, removeReplica, recordReplicaState, InstantSource.system());
    }

    public ReplicaResource(AddReplicaUseCase addReplica, TerminateReplicaUseCase terminateReplica,
                           RemoveReplicaUseCase removeReplica, RecordReplicaStateUseCase recordReplicaState,
                           InstantSource clock) {
        this.clock = clock;
        this.addReplica = addReplica;
        this.terminateReplica = terminateReplica;
        this.removeReplica = removeReplica;
        this.recordReplicaState = recordReplicaState;
    }

    /** The body may be absent: the new replica then follows the volume's storage class. */
    @POST
    @Path("{volUuid}")
    public Response add(@Context SecurityContext security, @Context UriInfo uri, @PathParam("tenant") String tenant,
                        @PathParam("volUuid") String volume, ReplicaAddition body) {
        VolumeRef ref = VolumeResource.ref(tenant, volume);
        Created<Replica> added = addReplica.addOrClaim(caller(security),
                (body == null ? ReplicaAddition.NONE : body).toCommand(ref));
        Replica replica = added.value();
        if (!added.isNew()) {
            // a migration in flight placed it already: the host's agent adds "its" replica so
            return Response.ok(ReplicaJson.from(replica, clock.instant())).build();
        }
        return Response.created(uri.getBaseUriBuilder().path(TenantPrefix.of(tenant) + "replica")
                        .path(ref.id().value()).path(replica.id().value()).build())
                .entity(ReplicaJson.from(replica, clock.instant())).build();
    }

    /** Marks the replica Terminating; clients send no body. */
    @PATCH
    @Path("{volUuid}/{replicaUuid}")
    public Outcome terminate(@Context SecurityContext security, @PathParam("tenant") String tenant,
                             @PathParam("volUuid") String volume, @PathParam("replicaUuid") String replica) {
        terminateReplica.terminate(caller(security), ref(tenant, volume, replica));
        return Outcome.success("replica " + replica + " is Terminating");
    }

    @DELETE
    @Path("{volUuid}/{replicaUuid}")
    public Outcome remove(@Context SecurityContext security, @PathParam("tenant") String tenant,
                          @PathParam("volUuid") String volume, @PathParam("replicaUuid") String replica) {
        removeReplica.remove(caller(security), ref(tenant, volume, replica));
        return Outcome.success("replica " + replica + " removed");
    }

    @PATCH
    @Path("{volUuid}/{replicaUuid}/{state}")
    public Outcome record(@Context SecurityContext security, @PathParam("tenant") String tenant,
                          @PathParam("volUuid") String volume, @PathParam("replicaUuid") String replica,
                          @PathParam("state") String state) {
        ReplicaState reported = ReplicaState.parseReported("state", state);
        Replica recorded = recordReplicaState.record(caller(security), ref(tenant, volume, replica), reported);
        return Outcome.success("replica " + replica + " is " + recorded.state().label());
    }

    private static ReplicaRef ref(String tenant, String volume, String replica) {
        return new ReplicaRef(VolumeResource.ref(tenant, volume), PathIds.replica(replica));
    }
}
