package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.application.port.in.host.ForwardLogUseCase;
import dev.strata.domain.host.HostEvent;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.InstantSource;

/**
 * {@code POST /forward_log {loggingType, level, host, appName, message, parametersList}}: an event
 * from a host's agent, kept for operators ({@code GET /v1/host-events/}) and audited.
 */
@Path("forward_log")
@Produces(MediaType.APPLICATION_JSON)
public final class ForwardLogResource {

    /** The body; {@code parametersList} may be any JSON and is kept as its text. */
    public record ForwardedEvent(String loggingType, String level, String host, String appName, String message,
                                 JsonNode parametersList) {
    }

    private final ForwardLogUseCase forward;
    private final InstantSource clock;

    public ForwardLogResource(ForwardLogUseCase forward, InstantSource clock) {
        this.forward = forward;
        this.clock = clock;
    }

    @POST
    public Outcome forward(@Context SecurityContext security, ForwardedEvent body) {
        ForwardedEvent event = Bodies.required(body);
        JsonNode parameters = event.parametersList();
        HostEvent stored = forward.forward(caller(security), new HostEvent(0, clock.instant(), event.host(),
                event.loggingType(), event.level(), event.appName(), event.message(),
                parameters == null || parameters.isNull() ? "" : parameters.toString()));
        return Outcome.success("event " + stored.id() + " recorded");
    }
}
