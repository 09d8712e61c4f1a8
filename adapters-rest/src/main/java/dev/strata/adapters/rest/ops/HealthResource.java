package dev.strata.adapters.rest.ops;

import dev.strata.adapters.rest.error.ErrorResponses;
import dev.strata.adapters.rest.http.Public;
import dev.strata.application.port.in.system.CheckReadinessUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Liveness and readiness probes for orchestrators and load balancers. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final CheckReadinessUseCase readiness;

    public HealthResource(CheckReadinessUseCase readiness) {
        this.readiness = readiness;
    }

    /** 200 while the process serves. */
    @GET
    @Path("healthz")
    @Public
    public Map<String, Boolean> healthz() {
        return Map.of("healthy", true);
    }

    /** 200 when the database answers, 503 otherwise. */
    @GET
    @Path("readyz")
    @Public
    public Response readyz() {
        if (readiness.ready()) {
            return Response.ok(Map.of("ready", true), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return ErrorResponses.of(503, "NotReady", "the database does not answer");
    }
}
