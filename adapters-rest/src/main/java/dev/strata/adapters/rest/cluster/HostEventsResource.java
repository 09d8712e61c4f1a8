package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.Paging;
import dev.strata.adapters.rest.http.Times;
import dev.strata.application.Page;
import dev.strata.application.port.in.host.ReadHostEventsUseCase;
import dev.strata.domain.host.HostEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /v1/host-events/?after=&limit=}: the events hosts forwarded, oldest first, paged as the audit log is. */
@Path("v1/host-events")
@Produces(MediaType.APPLICATION_JSON)
public final class HostEventsResource {

    record Entry(
            long id,
            String time,
            String host,
            @JsonProperty("logging_type") String loggingType,
            String level,
            @JsonProperty("app_name") String appName,
            String message,
            String parameters) {

        static Entry from(HostEvent event) {
            return new Entry(event.id(), Times.format(event.time()), event.host(), event.loggingType(), event.level(),
                    event.appName(), event.message(), event.parameters());
        }
    }

    private final ReadHostEventsUseCase read;

    public HostEventsResource(ReadHostEventsUseCase read) {
        this.read = read;
    }

    @GET
    public Paging.Listing<Entry> list(@Context SecurityContext security, @Context UriInfo uri, @QueryParam("after") String after,
                        @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        Page<HostEvent> page = read.read(caller(security), Paging.afterNumber(after), limit);
        return Paging.Listing.of(uri, page, limit, Entry::from);
    }
}
