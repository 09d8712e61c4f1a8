package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.host.PublishVolumeUseCase;
import dev.strata.domain.host.Publication;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST [t]/publish {hostId, volId}}. Publishing again to the same host succeeds and changes nothing. */
@Path(TenantPrefix.TEMPLATE + "publish")
@Produces(MediaType.APPLICATION_JSON)
public final class PublishResource {

    private final PublishVolumeUseCase publish;

    public PublishResource(PublishVolumeUseCase publish) {
        this.publish = publish;
    }

    @POST
    public Outcome publish(@Context SecurityContext security, @PathParam("tenant") String tenant,
                           PublicationRequest body) {
        Created<Publication> published = publish.publish(caller(security),
                Bodies.required(body).toPublish(TenantPrefix.named(tenant)));
        Publication publication = published.value();
        return Outcome.success("volume " + publication.volume() + (published.isNew() ? " published" : " was already"
                + " published") + " to host " + publication.host());
    }
}
