package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.Paging;
import dev.strata.adapters.rest.http.Times;
import dev.strata.application.Page;
import dev.strata.application.port.in.audit.ReadAuditLogUseCase;
import dev.strata.domain.audit.AuditEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    record Entry(
            String time,
            @JsonProperty("request_id") String requestId,
            String user,
            @JsonProperty("auth_method") String authMethod,
            @JsonProperty("source_ip") String sourceIp,
            String action,
            String target,
            String outcome) {

        static Entry from(AuditEvent event) {
            return new Entry(Times.format(event.time()), event.requestId(), event.user(), event.authMethod(),
                    event.sourceIp(), event.action(), event.target(), event.outcome());
        }
    }

    private final ReadAuditLogUseCase read;

    public AuditResource(ReadAuditLogUseCase read) {
        this.read = read;
    }

    /** Oldest first; {@code after} is the id of the last event seen (the next link carries it). */
    @GET
    public Paging.Listing<Entry> list(@Context SecurityContext security, @Context UriInfo uri, @QueryParam("after") String after,
                        @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        Page<AuditEvent> page = read.read(caller(security), Paging.afterNumber(after), limit);
        return Paging.Listing.of(uri, page, limit, Entry::from);
    }
}
