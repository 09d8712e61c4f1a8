package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.application.port.in.volume.ListSnapshotsOfVolumeUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code GET [t]/snapshots_by_vol/{volUuid}}: the volume's snapshots, oldest first. */
@Path(TenantPrefix.TEMPLATE + "snapshots_by_vol")
@Produces(MediaType.APPLICATION_JSON)
public final class SnapshotsByVolumeResource {

    private final ListSnapshotsOfVolumeUseCase snapshotsOfVolume;

    public SnapshotsByVolumeResource(ListSnapshotsOfVolumeUseCase snapshotsOfVolume) {
        this.snapshotsOfVolume = snapshotsOfVolume;
    }

    @GET
    @Path("{volUuid}")
    public List<SnapshotJson> list(@Context SecurityContext security, @PathParam("tenant") String tenant,
                                   @PathParam("volUuid") String volume) {
        return snapshotsOfVolume.ofVolume(caller(security), VolumeResource.ref(tenant, volume)).stream()
                .map(SnapshotJson::from).toList();
    }
}
