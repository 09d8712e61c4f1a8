package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.application.port.in.host.ListTargetsUseCase;
import dev.strata.application.port.in.host.TargetsQuery;
import dev.strata.domain.host.HostId;
import dev.strata.domain.volume.VolumeId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;

/** {@code GET /targets?hostId=…&volId=…}: at least one of the two; an empty one counts as absent. */
@Path("targets")
@Produces(MediaType.APPLICATION_JSON)
public final class TargetResource {

    private final ListTargetsUseCase targets;

    public TargetResource(ListTargetsUseCase targets) {
        this.targets = targets;
    }

    @GET
    public List<TargetJson> list(@Context SecurityContext security, @QueryParam("hostId") String hostId,
                                 @QueryParam("volId") String volId) {
        TargetsQuery query = new TargetsQuery(
                given(hostId).map(id -> HostId.parse("hostId", id)),
                given(volId).map(id -> VolumeId.parse("volId", id)));
        return targets.list(caller(security), query).stream().map(TargetJson::from).toList();
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }
}
