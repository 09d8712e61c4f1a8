package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.AuthorizationHeader;
import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.adapters.rest.http.Public;
import dev.strata.application.port.in.access.ChangePasswordUseCase;
import dev.strata.application.port.in.access.Credentials;
import dev.strata.application.port.in.access.LoginUseCase;
import dev.strata.application.port.in.access.LogoutUseCase;
import dev.strata.application.port.in.access.WhoAmI;
import dev.strata.application.port.in.access.WhoAmIUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.tenant.TenantId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Login sessions, as Qumulo's {@code /v1/session/}. */
@Path("v1/session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    record Login(String username, String password) {
    }

    record BearerToken(@JsonProperty("bearer_token") String bearerToken) {
    }

    record ChangePassword(@JsonProperty("old_password") String oldPassword,
                          @JsonProperty("new_password") String newPassword) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record WhoAmIJson(
            String id,
            String name,
            List<String> roles,
            List<String> privileges,
            @JsonProperty("tenant_id") @JsonInclude(JsonInclude.Include.ALWAYS) String tenantId,
            @JsonProperty("can_change_password") boolean canChangePassword,
            @JsonProperty("access_token_id") String accessTokenId) {

        static WhoAmIJson from(WhoAmI who) {
            Principal p = who.principal();
            return new WhoAmIJson(p.userId(), p.name(), p.roles().stream().sorted().toList(),
                    p.privileges().stream().map(Privilege::name).sorted().toList(),
                    p.tenant().map(TenantId::value).orElse(null), who.user().isPresent(),
                    p.method() == dev.strata.domain.access.AuthMethod.ACCESS_TOKEN ? p.tokenId().orElse(null) : null);
        }
    }

    private final LoginUseCase login;
    private final LogoutUseCase logout;
    private final WhoAmIUseCase whoAmI;
    private final ChangePasswordUseCase changePassword;

    public SessionResource(LoginUseCase login, LogoutUseCase logout, WhoAmIUseCase whoAmI,
                           ChangePasswordUseCase changePassword) {
        this.login = login;
        this.logout = logout;
        this.whoAmI = whoAmI;
        this.changePassword = changePassword;
    }

    /** {@code {username, password}}, or a Basic header and no body. */
    @POST
    @Path("login")
    @Public(readsCredentials = true)
    public BearerToken login(@Context SecurityContext security,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, Login body) {
        Principal anonymous = caller(security);
        if (body != null) {
            if (body.username() == null || body.password() == null) {
                throw DomainException.invalidInput("username and password are required");
            }
            return new BearerToken(login.login(body.username(), Password.offered(body.password()), anonymous.origin()));
        }
        if (AuthorizationHeader.parse(authorization) instanceof Credentials.Basic basic) {
            return new BearerToken(login.login(basic.username(), Password.offered(basic.password()),
                    anonymous.origin()));
        }
        throw DomainException.invalidInput("send {\"username\", \"password\"} or a Basic Authorization header");
    }

    @POST
    @Path("logout")
    public Outcome logout(@Context SecurityContext security) {
        logout.logout(caller(security));
        return Outcome.success("logged out");
    }

    @GET
    @Path("who-am-i")
    public WhoAmIJson whoAmI(@Context SecurityContext security) {
        return WhoAmIJson.from(whoAmI.whoAmI(caller(security)));
    }

    @POST
    @Path("change-password")
    public Outcome changePassword(@Context SecurityContext security, ChangePassword body) {
        ChangePassword change = Bodies.required(body);
        if (change.oldPassword() == null) {
            throw DomainException.invalidInput("old_password is required");
        }
        changePassword.changePassword(caller(security), Password.offered(change.oldPassword()),
                Password.newPassword("new_password", change.newPassword()));
        return Outcome.success("password changed; every session of yours has ended");
    }
}
