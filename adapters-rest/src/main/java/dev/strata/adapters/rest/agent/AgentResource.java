package dev.strata.adapters.rest.agent;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.PathIds;
import dev.strata.application.port.in.agent.DesiredStateQuery;
import dev.strata.application.port.in.agent.ReadDesiredStateUseCase;
import dev.strata.application.port.in.agent.ReportObservedStateUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.node.NodeId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;

/**
 * {@code /v1/agent/nodes/{persistentID}/…}: a storage node's agent long-polls its desired state and
 * reports what it observed (API.md §8). A held poll is suspended, holding no request thread.
 */
@Path("v1/agent/nodes/{persistentID}")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentResource {

    private final ReadDesiredStateUseCase desired;
    private final ReportObservedStateUseCase observed;

    public AgentResource(ReadDesiredStateUseCase desired, ReportObservedStateUseCase observed) {
        this.desired = desired;
        this.observed = observed;
    }

    @GET
    @Path("desired")
    public void desired(@Context SecurityContext security, @PathParam("persistentID") String id,
                        @QueryParam("after") String after, @QueryParam("wait") String wait,
                        @Suspended AsyncResponse response) {
        DesiredStateQuery query = new DesiredStateQuery(PathIds.node(id), generation(after), seconds(wait));
        desired.desired(caller(security), query).whenComplete((state, failure) -> {
            if (failure != null) {
                response.resume(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                response.resume(DesiredJson.from(state));
            }
        });
    }

    @PUT
    @Path("observed")
    public Outcome observed(@Context SecurityContext security, @PathParam("persistentID") String id,
                            ObservedRequest body) {
        NodeId node = PathIds.node(id);
        observed.report(caller(security), Bodies.required(body).toCommand(node));
        return Outcome.success("report of backend " + node + " recorded");
    }

    private static OptionalLong generation(String after) {
        if (after == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(after.strip()));
        } catch (NumberFormatException e) {
            throw DomainException.invalidInput("after must be a generation, a whole number");
        }
    }

    private static int seconds(String wait) {
        if (wait == null) {
            return 0;
        }
        try {
            return Integer.parseInt(wait.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalidInput("wait must be a whole number of seconds, 0 to "
                    + DesiredStateQuery.MAX_WAIT_SECONDS);
        }
    }
}
