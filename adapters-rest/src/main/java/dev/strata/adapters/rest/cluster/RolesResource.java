package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.Paging;
import dev.strata.adapters.rest.http.PathIds;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.application.Page;
import dev.strata.application.port.in.access.AddRoleMemberUseCase;
import dev.strata.application.port.in.access.CreateRoleUseCase;
import dev.strata.application.port.in.access.DeleteRoleUseCase;
import dev.strata.application.port.in.access.GetRoleUseCase;
import dev.strata.application.port.in.access.ListRoleMembersUseCase;
import dev.strata.application.port.in.access.ListRolesUseCase;
import dev.strata.application.port.in.access.RemoveRoleMemberUseCase;
import dev.strata.application.port.in.access.UpdateRoleCommand;
import dev.strata.application.port.in.access.UpdateRoleUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Roles and their members, as Qumulo's {@code /v1/auth/roles/}. A role's ETag is its version; a
 * request with a stale {@code If-Match} gets 412.
 */
@Path("v1/auth/roles")
@Produces(MediaType.APPLICATION_JSON)
public final class RolesResource {

    record RoleJson(String name, String description, List<String> privileges) {
        static RoleJson from(Role role) {
            return new RoleJson(role.name().value(), role.description(),
                    role.privileges().stream().map(Privilege::name).sorted().toList());
        }
    }

    record RoleSummary(String description, List<String> privileges) {
    }

    record RoleBody(String name, String description, List<String> privileges) {
        Set<Privilege> privilegeSet() {
            return RolesResource.privileges(privileges);
        }
    }

    record Members(Map<String, IdentityJson> members, Paging.Next paging) {
    }

    private final ListRolesUseCase list;
    private final GetRoleUseCase get;
    private final CreateRoleUseCase create;
    private final UpdateRoleUseCase update;
    private final DeleteRoleUseCase delete;
    private final ListRoleMembersUseCase members;
    private final AddRoleMemberUseCase addMember;
    private final RemoveRoleMemberUseCase removeMember;

    public RolesResource(ListRolesUseCase list, GetRoleUseCase get, CreateRoleUseCase create, UpdateRoleUseCase update,
                         DeleteRoleUseCase delete, ListRoleMembersUseCase members, AddRoleMemberUseCase addMember,
                         RemoveRoleMemberUseCase removeMember) {
        this.list = list;
        this.get = get;
        this.create = create;
        this.update = update;
        this.delete = delete;
        this.members = members;
        this.addMember = addMember;
        this.removeMember = removeMember;
    }

    @GET
    public Map<String, RoleSummary> list(@Context SecurityContext security) {
        Map<String, RoleSummary> roles = new LinkedHashMap<>();
        for (Role role : list.listRoles(caller(security))) {
            RoleJson json = RoleJson.from(role);
            roles.put(json.name(), new RoleSummary(json.description(), json.privileges()));
        }
        return roles;
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, RoleBody body) {
        RoleBody role = Bodies.required(body);
        if (role.name() == null) {
            throw DomainException.invalidInput("name is required");
        }
        Role created = create.createRole(caller(security), new RoleName(role.name()), role.description(),
                role.privilegeSet());
        return Response.created(uri.getAbsolutePathBuilder().path(created.name().value()).build())
                .tag(etag(created)).entity(RoleJson.from(created)).build();
    }

    @GET
    @Path("{name}")
    public Response get(@Context SecurityContext security, @PathParam("name") String name) {
        Role role = get.getRole(caller(security), PathIds.role(name));
        return Response.ok(RoleJson.from(role)).tag(etag(role)).build();
    }

    /** Replaces description and privileges; both are required. */
    @PUT
    @Path("{name}")
    public Response replace(@Context SecurityContext security, @PathParam("name") String name,
                            @HeaderParam("If-Match") String ifMatch, RoleBody body) {
        RoleBody role = Bodies.required(body);
        if (role.description() == null || role.privileges() == null) {
            throw DomainException.invalidInput("description and privileges are required; PATCH changes part of a role");
        }
        return changed(update.updateRole(caller(security), command(name, role, ifMatch)));
    }

    /** Changes what is given. */
    @PATCH
    @Path("{name}")
    public Response patch(@Context SecurityContext security, @PathParam("name") String name,
                          @HeaderParam("If-Match") String ifMatch, RoleBody body) {
        return changed(update.updateRole(caller(security), command(name, Bodies.required(body), ifMatch)));
    }

    @DELETE
    @Path("{name}")
    public Outcome delete(@Context SecurityContext security, @PathParam("name") String name,
                          @HeaderParam("If-Match") String ifMatch) {
        delete.deleteRole(caller(security), PathIds.role(name), version(ifMatch));
        return Outcome.success("role " + name + " deleted");
    }

    @GET
    @Path("{name}/members")
    public Members members(@Context SecurityContext security, @Context UriInfo uri, @PathParam("name") String name,
                           @QueryParam("after") String after, @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        Page<User> page = members.members(caller(security), PathIds.role(name), Paging.afterNumber(after), limit);
        Map<String, IdentityJson> identities = new LinkedHashMap<>();
        page.items().forEach(user -> identities.put(user.id().value(), IdentityJson.from(user)));
        return new Members(identities, Paging.next(uri, page, limit));
    }

    @POST
    @Path("{name}/members")
    public IdentityJson addMember(@Context SecurityContext security, @PathParam("name") String name,
                                  IdentityJson body) {
        return IdentityJson.from(addMember.addMember(caller(security), PathIds.role(name),
                Bodies.required(body).toRef("member")));
    }

    @DELETE
    @Path("{name}/members/{authId}")
    public Outcome removeMember(@Context SecurityContext security, @PathParam("name") String name,
                                @PathParam("authId") String authId) {
        removeMember.removeMember(caller(security), PathIds.role(name), IdentityJson.userId(authId));
        return Outcome.success("user " + authId + " is no longer a member of " + name);
    }

    private Response changed(Role role) {
        return Response.ok(RoleJson.from(role)).tag(etag(role)).build();
    }

    private static UpdateRoleCommand command(String name, RoleBody body, String ifMatch) {
        if (body.name() != null && !new RoleName(body.name()).sameAs(PathIds.role(name))) {
            throw DomainException.invalidInput("name cannot be changed");
        }
        return new UpdateRoleCommand(PathIds.role(name), Optional.ofNullable(body.description()),
                Optional.ofNullable(body.privileges()).map(RolesResource::privileges), version(ifMatch));
    }

    static Set<Privilege> privileges(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        for (String name : Bodies.noNulls("privileges", names)) {
            try {
                privileges.add(Privilege.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                throw DomainException.invalidInput("privileges names an unknown privilege");
            }
        }
        return privileges;
    }


    private static EntityTag etag(Role role) {
        return new EntityTag(Long.toString(role.version()));
    }

    private static Optional<Long> version(String ifMatch) {
        return Preconditions.ifMatchVersion(ifMatch, "role");
    }
}
