package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Public;
import dev.strata.application.port.in.system.GetSystemInfoUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@Path("info")
@Produces(MediaType.APPLICATION_JSON)
public final class InfoResource {

    private final GetSystemInfoUseCase info;

    public InfoResource(GetSystemInfoUseCase info) {
        this.info = info;
    }

    @GET
    @Public
    public InfoJson info(@Context SecurityContext security) {
        return InfoJson.from(info.info(caller(security)));
    }
}
