package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.application.port.in.access.CreateUserUseCase;
import dev.strata.application.port.in.access.DeleteUserUseCase;
import dev.strata.application.port.in.access.GetUserUseCase;
import dev.strata.application.port.in.access.ListUsersUseCase;
import dev.strata.application.port.in.access.SetPasswordUseCase;
import dev.strata.application.port.in.access.UpdateUserUseCase;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.User;
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

/** Local users, as Qumulo's {@code /v1/users/}. */
@Path("v1/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    private final ListUsersUseCase list;
    private final GetUserUseCase get;
    private final CreateUserUseCase create;
    private final UpdateUserUseCase update;
    private final DeleteUserUseCase delete;
    private final SetPasswordUseCase setPassword;

    public UsersResource(ListUsersUseCase list, GetUserUseCase get, CreateUserUseCase create,
                         UpdateUserUseCase update, DeleteUserUseCase delete, SetPasswordUseCase setPassword) {
        this.list = list;
        this.get = get;
        this.create = create;
        this.update = update;
        this.delete = delete;
        this.setPassword = setPassword;
    }

    @GET
    public List<UserJson> list(@Context SecurityContext security) {
        return list.listUsers(caller(security)).stream().map(UserJson::from).toList();
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, UserRequests.Create body) {
        User user = create.createUser(caller(security), Bodies.required(body).toCommand());
        return Response.created(uri.getAbsolutePathBuilder().path(user.id().value()).build())
                .entity(UserJson.from(user)).build();
    }

    @GET
    @Path("{id}")
    public UserJson get(@Context SecurityContext security, @PathParam("id") String id) {
        return UserJson.from(get.getUser(caller(security), IdentityJson.userId(id)));
    }

    @PUT
    @Path("{id}")
    public UserJson update(@Context SecurityContext security, @PathParam("id") String id, UserRequests.Update body) {
        return UserJson.from(update.updateUser(caller(security), Bodies.required(body).toCommand(IdentityJson.userId(id))));
    }

    @DELETE
    @Path("{id}")
    public Outcome delete(@Context SecurityContext security, @PathParam("id") String id) {
        delete.deleteUser(caller(security), IdentityJson.userId(id));
        return Outcome.success("user " + id + " deleted");
    }

    @POST
    @Path("{id}/setpassword")
    public Outcome setPassword(@Context SecurityContext security, @PathParam("id") String id,
                               UserRequests.SetPassword body) {
        setPassword.setPassword(caller(security), IdentityJson.userId(id),
                Password.newPassword("new_password", Bodies.required(body).newPassword()));
        return Outcome.success("password set; every session of user " + id + " has ended");
    }
}
