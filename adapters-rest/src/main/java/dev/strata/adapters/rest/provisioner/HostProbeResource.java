package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.host.ProbeHostUseCase;
import dev.strata.domain.host.Host;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /host_probe}: a host registers, or renews its heartbeat. */
@Path("host_probe")
@Produces(MediaType.APPLICATION_JSON)
public final class HostProbeResource {

    private final ProbeHostUseCase probe;

    public HostProbeResource(ProbeHostUseCase probe) {
        this.probe = probe;
    }

    @POST
    public Outcome probe(@Context SecurityContext security, HostProbeRequest body) {
        Created<Host> probed = probe.probe(caller(security), Bodies.required(body).toCommand());
        return Outcome.success("host " + probed.value().id() + (probed.isNew() ? " registered" : " probed"));
    }
}
