package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.task.ConnectVolumeUseCase;
import dev.strata.application.port.in.task.HostActionCommand;
import dev.strata.domain.task.Task;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST [t]/connect {hostId, volId}}: publishes, and queues a ConnectVolume task for the host's agent. */
@Path(TenantPrefix.TEMPLATE + "connect")
@Produces(MediaType.APPLICATION_JSON)
public final class ConnectResource {

    private final ConnectVolumeUseCase connect;

    public ConnectResource(ConnectVolumeUseCase connect) {
        this.connect = connect;
    }

    @POST
    public TaskOutcome connect(@Context SecurityContext security, @PathParam("tenant") String tenant,
                               PublicationRequest body) {
        HostActionCommand command = Bodies.required(body).toHostAction(TenantPrefix.named(tenant));
        Task task = connect.connect(caller(security), command);
        return TaskOutcome.success("volume " + command.volume().id() + " published to host " + command.host()
                + "; its agent connects it", task.id().value());
    }
}
