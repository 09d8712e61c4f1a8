package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.application.port.in.access.ListPrivilegesUseCase;
import dev.strata.domain.access.Privilege;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

@Path("v1/auth/privileges")
@Produces(MediaType.APPLICATION_JSON)
public final class PrivilegesResource {

    private final ListPrivilegesUseCase list;

    public PrivilegesResource(ListPrivilegesUseCase list) {
        this.list = list;
    }

    /** {@code {PRIVILEGE_NAME: description}}. */
    @GET
    public Map<String, String> list(@Context SecurityContext security) {
        Map<String, String> privileges = new LinkedHashMap<>();
        for (Privilege privilege : list.listPrivileges(caller(security))) {
            privileges.put(privilege.name(), privilege.description());
        }
        return privileges;
    }
}
