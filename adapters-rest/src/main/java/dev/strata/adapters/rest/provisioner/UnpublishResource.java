package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.application.port.in.host.UnpublishCommand;
import dev.strata.application.port.in.host.UnpublishVolumeUseCase;
import dev.strata.domain.host.HostId;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code POST [t]/unpublish {hostId?, volId}}: from that host, or from every host when
 * {@code hostId} is left out. What is not published stays so, with Success.
 */
@Path(TenantPrefix.TEMPLATE + "unpublish")
@Produces(MediaType.APPLICATION_JSON)
public final class UnpublishResource {

    private final UnpublishVolumeUseCase unpublish;

    public UnpublishResource(UnpublishVolumeUseCase unpublish) {
        this.unpublish = unpublish;
    }

    @POST
    public Outcome unpublish(@Context SecurityContext security, @PathParam("tenant") String tenant,
                             PublicationRequest body) {
        UnpublishCommand command = Bodies.required(body).toUnpublish(TenantPrefix.named(tenant));
        List<HostId> from = unpublish.unpublish(caller(security), command);
        String volume = "volume " + command.volume().id();
        if (from.isEmpty()) {
            return Outcome.success(volume + " was not published" + command.host().map(h -> " to host " + h).orElse(""));
        }
        return Outcome.success(volume + " unpublished from host " + from.stream().map(HostId::value)
                .collect(Collectors.joining(", ")));
    }
}
