package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.access.FindIdentityUseCase;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@Path("v1/identity/find")
@Produces(MediaType.APPLICATION_JSON)
public final class IdentityResource {

    private final FindIdentityUseCase find;

    public IdentityResource(FindIdentityUseCase find) {
        this.find = find;
    }

    /** A partial identity in, the whole one out; 404 if it names nobody. */
    @POST
    public IdentityJson find(@Context SecurityContext security, IdentityJson body) {
        return IdentityJson.from(find.findIdentity(caller(security), Bodies.required(body).toRef("identity")));
    }
}
