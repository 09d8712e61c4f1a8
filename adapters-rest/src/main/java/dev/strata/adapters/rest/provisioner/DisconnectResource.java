package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.task.DisconnectVolumeUseCase;
import dev.strata.application.port.in.task.HostActionCommand;
import dev.strata.domain.task.Task;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/**
 * {@code POST [t]/disconnect {hostId, volId}}: queues a DisconnectVolume task; the volume is
 * unpublished when the host reports it done. Not published to that host: success, no task.
 */
@Path(TenantPrefix.TEMPLATE + "disconnect")
@Produces(MediaType.APPLICATION_JSON)
public final class DisconnectResource {

    private final DisconnectVolumeUseCase disconnect;

    public DisconnectResource(DisconnectVolumeUseCase disconnect) {
        this.disconnect = disconnect;
    }

    @POST
    public TaskOutcome disconnect(@Context SecurityContext security, @PathParam("tenant") String tenant,
                                  PublicationRequest body) {
        HostActionCommand command = Bodies.required(body).toHostAction(TenantPrefix.named(tenant));
        Optional<Task> task = disconnect.disconnect(caller(security), command);
        return task.map(t -> TaskOutcome.success("host " + command.host() + " disconnects volume "
                        + command.volume().id() + "; it is unpublished when that is done", t.id().value()))
                .orElseGet(() -> TaskOutcome.success("volume " + command.volume().id() + " is not published to host "
                        + command.host(), null));
    }
}
