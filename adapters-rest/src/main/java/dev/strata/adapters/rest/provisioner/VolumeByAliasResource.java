package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.application.port.in.volume.GetVolumeByAliasUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.InstantSource;
import java.util.List;

/** {@code GET [t]/volumes_by_alias/{alias}}: an array of one. */
@Path(TenantPrefix.TEMPLATE + "volumes_by_alias")
@Produces(MediaType.APPLICATION_JSON)
public final class VolumeByAliasResource {

    private final GetVolumeByAliasUseCase getByAlias;

    private final InstantSource clock;

    public VolumeByAliasResource(GetVolumeByAliasUseCase getByAlias) {
        this(getByAlias, InstantSource.system());
    }

    public VolumeByAliasResource(GetVolumeByAliasUseCase getByAlias, InstantSource clock) {
        this.getByAlias = getByAlias;
        this.clock = clock;
    }

    @GET
    @Path("{alias}")
    public List<VolumeJson> get(@Context SecurityContext security, @PathParam("tenant") String tenant,
                                @PathParam("alias") String alias) {
        return List.of(VolumeJson.from(clock.instant(), getByAlias.getByAlias(caller(security), TenantPrefix.named(tenant),
                alias)));
    }
}
