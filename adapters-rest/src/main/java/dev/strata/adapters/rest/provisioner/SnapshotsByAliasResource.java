package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.application.port.in.volume.GetSnapshotByAliasUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code GET [t]/snapshots_by_alias/{alias}}: an array of one. */
@Path(TenantPrefix.TEMPLATE + "snapshots_by_alias")
@Produces(MediaType.APPLICATION_JSON)
public final class SnapshotsByAliasResource {

    private final GetSnapshotByAliasUseCase getSnapshotByAlias;

    public SnapshotsByAliasResource(GetSnapshotByAliasUseCase getSnapshotByAlias) {
        this.getSnapshotByAlias = getSnapshotByAlias;
    }

    @GET
    @Path("{alias}")
    public List<SnapshotJson> get(@Context SecurityContext security, @PathParam("tenant") String tenant,
                                  @PathParam("alias") String alias) {
        return List.of(SnapshotJson.from(getSnapshotByAlias.getByAlias(caller(security),
                TenantPrefix.named(tenant), alias)));
    }
}
