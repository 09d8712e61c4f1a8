package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.Paging;
import dev.strata.adapters.rest.http.Times;
import dev.strata.application.Page;
import dev.strata.application.port.in.access.AccessTokenView;
import dev.strata.application.port.in.access.CreateAccessTokenUseCase;
import dev.strata.application.port.in.access.DeleteAccessTokenUseCase;
import dev.strata.application.port.in.access.GetAccessTokenUseCase;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.IssuedAccessToken;
import dev.strata.application.port.in.access.ListAccessTokensUseCase;
import dev.strata.application.port.in.access.ModifyAccessTokenUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.UserName;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Optional;

/** Access tokens, as Qumulo's {@code /v1/auth/access-tokens/}. Secrets are shown once, at creation. */
@Path("v1/auth/access-tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class AccessTokensResource {

    record Create(IdentityJson user, @JsonProperty("expiration_time") String expirationTime) {
    }

    record Created(String id, @JsonProperty("bearer_token") String bearerToken) {
    }

    record Metadata(
            String id,
            IdentityJson user,
            IdentityJson creator,
            @JsonProperty("creation_time") String creationTime,
            @JsonProperty("expiration_time") String expirationTime,
            boolean enabled) {

        static Metadata from(AccessTokenView view) {
            return new Metadata(view.token().id(), IdentityJson.from(view.user()),
                    view.creator().map(IdentityJson::from).orElse(null), Times.format(view.token().createdAt()),
                    view.token().expiresAt().map(Times::format).orElse(null), view.token().enabled());
        }
    }

    private final CreateAccessTokenUseCase create;
    private final ListAccessTokensUseCase list;
    private final GetAccessTokenUseCase get;
    private final ModifyAccessTokenUseCase modify;
    private final DeleteAccessTokenUseCase delete;

    public AccessTokensResource(CreateAccessTokenUseCase create, ListAccessTokensUseCase list,
                                GetAccessTokenUseCase get, ModifyAccessTokenUseCase modify,
                                DeleteAccessTokenUseCase delete) {
        this.create = create;
        this.list = list;
        this.get = get;
        this.modify = modify;
        this.delete = delete;
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, Create body) {
        Create request = Bodies.required(body);
        if (request.user() == null) {
            throw DomainException.invalidInput("user is required");
        }
        Optional<Instant> expires = Optional.ofNullable(request.expirationTime())
                .map(t -> Times.parse("expiration_time", t));
        IssuedAccessToken issued = create.createToken(caller(security), request.user().toRef("user"), expires);
        return Response.created(uri.getAbsolutePathBuilder().path(issued.view().token().id()).build())
                .entity(new Created(issued.view().token().id(), issued.bearer())).build();
    }

    /** {@code ?user=} takes a name or {@code auth_id:<id>}. */
    @GET
    public Paging.Listing<Metadata> list(@Context SecurityContext security, @Context UriInfo uri,
                                         @QueryParam("user") String user, @QueryParam("after") String after,
                                         @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        Optional<IdentityRef> owner = Bodies.optional(user, u -> u.startsWith("auth_id:")
                ? IdentityRef.byId(IdentityJson.userId(u.substring("auth_id:".length())))
                : IdentityRef.byName(new UserName(u)));
        Page<AccessTokenView> page = list.listTokens(caller(security), owner, after == null ? "" : after, limit);
        return Paging.Listing.of(uri, page, limit, Metadata::from);
    }

    @GET
    @Path("{id}")
    public Metadata get(@Context SecurityContext security, @PathParam("id") String id) {
        return Metadata.from(get.getToken(caller(security), id));
    }

    /** {@code {expiration_time?, enabled?}}: a null expiration_time means the token never expires. */
    @PATCH
    @Path("{id}")
    public Metadata modify(@Context SecurityContext security, @PathParam("id") String id, JsonNode body) {
        JsonNode patch = Bodies.required(body);
        if (!patch.isObject()) {
            throw DomainException.invalidInput("the request body must be a JSON object");
        }
        Optional<Optional<Instant>> expires = Optional.empty();
        if (patch.has("expiration_time")) {
            JsonNode value = patch.get("expiration_time");
            if (!value.isNull() && !value.isTextual()) {
                throw DomainException.invalidInput("field 'expiration_time' must be a string or null");
            }
            expires = Optional.of(value.isNull() ? Optional.empty()
                    : Optional.of(Times.parse("expiration_time", value.asText())));
        }
        Optional<Boolean> enabled = Optional.empty();
        if (patch.has("enabled")) {
            if (!patch.get("enabled").isBoolean()) {
                throw DomainException.invalidInput("field 'enabled' must be true or false");
            }
            enabled = Optional.of(patch.get("enabled").booleanValue());
        }
        return Metadata.from(modify.modifyToken(caller(security), id, expires, enabled));
    }

    @DELETE
    @Path("{id}")
    public Outcome delete(@Context SecurityContext security, @PathParam("id") String id) {
        delete.deleteToken(caller(security), id);
        return Outcome.success("access token " + id + " deleted");
    }
}
