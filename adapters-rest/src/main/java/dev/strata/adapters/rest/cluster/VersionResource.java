package dev.strata.adapters.rest.cluster;

import dev.strata.adapters.rest.http.Public;
import dev.strata.application.BuildInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("v1/version")
@Produces(MediaType.APPLICATION_JSON)
public final class VersionResource {

    private final VersionJson version;

    public VersionResource(BuildInfo build) {
        this.version = VersionJson.from(build);
    }

    @GET
    @Public
    public VersionJson version() {
        return version;
    }
}
