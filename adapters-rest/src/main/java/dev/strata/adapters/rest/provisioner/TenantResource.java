package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.PathIds;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.tenant.CreateTenantUseCase;
import dev.strata.application.port.in.tenant.DeleteTenantUseCase;
import dev.strata.application.port.in.tenant.GetTenantUseCase;
import dev.strata.application.port.in.tenant.ListTenantsUseCase;
import dev.strata.application.port.in.tenant.UpdateTenantUseCase;
import dev.strata.domain.tenant.Tenant;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Tenants and their budgets. */
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantResource {

    private final CreateTenantUseCase create;
    private final ListTenantsUseCase list;
    private final GetTenantUseCase get;
    private final UpdateTenantUseCase update;
    private final DeleteTenantUseCase delete;

    public TenantResource(CreateTenantUseCase create, ListTenantsUseCase list, GetTenantUseCase get,
                          UpdateTenantUseCase update, DeleteTenantUseCase delete) {
        this.create = create;
        this.list = list;
        this.get = get;
        this.update = update;
        this.delete = delete;
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, TenantCreation body) {
        Created<Tenant> created = create.create(caller(security), Bodies.required(body).toDeclaration());
        TenantJson json = TenantJson.from(created.value());
        if (!created.isNew()) {
            return Response.ok(json).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("tenants").path(json.tenantId()).build()).entity(json)
                .build();
    }

    @GET
    public List<TenantJson> list(@Context SecurityContext security) {
        return list.list(caller(security)).stream().map(TenantJson::from).toList();
    }

    /** An array of one, as every provisioner read answers. */
    @GET
    @Path("{tenantId}")
    public List<TenantJson> get(@Context SecurityContext security, @PathParam("tenantId") String id) {
        return List.of(TenantJson.from(get.get(caller(security), PathIds.tenant(id))));
    }

    @PUT
    @Path("{tenantId}")
    public TenantJson update(@Context SecurityContext security, @PathParam("tenantId") String id, TenantChange body) {
        return TenantJson.from(update.update(caller(security), Bodies.required(body).toCommand(PathIds.tenant(id))));
    }

    @DELETE
    @Path("{tenantId}")
    public Outcome delete(@Context SecurityContext security, @PathParam("tenantId") String id) {
        delete.delete(caller(security), PathIds.tenant(id));
        return Outcome.success("tenant " + id + " deleted");
    }

}
