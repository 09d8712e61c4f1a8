package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.application.port.in.access.ChangePasswordUseCase;
import dev.strata.application.port.in.access.Credentials;
import dev.strata.application.port.in.access.LoginUseCase;
import dev.strata.application.port.in.access.LogoutUseCase;
import dev.strata.application.port.in.access.WhoAmI;
import dev.strata.application.port.in.access.WhoAmIUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.TooManyAttempts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/session/…} over HTTP against stubbed session use cases, with an authentication stub
 * that knows one bearer token: what the authentication filter does with its answers is part of it.
 */
class SessionResourceTest {

    private static final String TOKEN = "session-v1:good";
    private static final Principal OPERATOR = Principals.boundTo(Samples.ACME, Privilege.PRIVILEGE_VOLUME_READ,
            Privilege.PRIVILEGE_VOLUME_WRITE);

    /** The bearer token above is {@link #OPERATOR}; no credentials are anonymous; anything else is refused. */
    private static final AuthenticateUseCase AUTHENTICATE = (credentials, origin) -> {
        if (credentials instanceof Credentials.None) {
            return Principal.anonymous(origin);
        }
        if (credentials instanceof Credentials.Bearer bearer && bearer.token().equals(TOKEN)) {
            return OPERATOR;
        }
        throw DomainException.unauthorized("the token is not valid");
    };

    private LoginUseCase login = useCase(LoginUseCase.class);
    private LogoutUseCase logout = useCase(LogoutUseCase.class);
    private WhoAmIUseCase whoAmI = useCase(WhoAmIUseCase.class);
    private ChangePasswordUseCase changePassword = useCase(ChangePasswordUseCase.class);

    private RestServer serve() {
        return RestServer.serving(AUTHENTICATE, new SessionResource(login, logout, whoAmI, changePassword));
    }

    private static String bearer() {
        return "Bearer " + TOKEN;
    }

    @Test
    void logsInWithABodyOrABasicHeaderWithoutAuthenticatingFirst() {
        AtomicReference<String> offered = new AtomicReference<>();
        login = (username, password, origin) -> {
            offered.set(username + ":" + password.reveal());
            if (!password.reveal().equals("right password")) {
                throw DomainException.unauthorized("bad username or password");
            }
            return TOKEN;
        };
        try (RestServer server = serve()) {
            JsonNode token = server.post("/v1/session/login",
                    "{\"username\": \"alice\", \"password\": \"right password\"}").expect(200);
            assertThat(token.path("bearer_token").asText()).isEqualTo(TOKEN);
            assertThat(offered.get()).isEqualTo("alice:right password");

            String basic = Base64.getEncoder().encodeToString("bob:right password".getBytes(StandardCharsets.UTF_8));
            JsonNode byHeader = server.send("POST", "/v1/session/login", null, "Authorization", "Basic " + basic)
                    .expect(200);
            assertThat(byHeader.path("bearer_token").asText()).isEqualTo(TOKEN);
            assertThat(offered.get()).isEqualTo("bob:right password");

            Reply refused = server.post("/v1/session/login", "{\"username\": \"alice\", \"password\": \"wrong\"}");
            refused.expectError(401, "Unauthorized");
            assertThat(refused.header("WWW-Authenticate")).isNotBlank();
            assertThat(refused.body()).doesNotContain("wrong");

            server.post("/v1/session/login", "{\"username\": \"alice\"}").expectError(400, "InvalidInput");
        }
    }

    @Test
    void tooManyFailuresAre429WithRetryAfter() {
        login = (username, password, origin) -> {
            throw new TooManyAttempts(Duration.ofSeconds(42));
        };
        try (RestServer server = serve()) {
            Reply locked = server.post("/v1/session/login", "{\"username\": \"alice\", \"password\": \"x\"}");
            locked.expectError(429, "TooManyAttempts");
            assertThat(locked.header("Retry-After")).isEqualTo("42");
        }
    }

    @Test
    void whoAmIShowsTheAuthenticatedCaller() {
        AtomicReference<Principal> asked = new AtomicReference<>();
        whoAmI = caller -> {
            asked.set(caller);
            return new WhoAmI(caller, Optional.empty());
        };
        try (RestServer server = serve()) {
            JsonNode who = server.send("GET", "/v1/session/who-am-i", null, "Authorization", bearer()).expect(200);
            assertThat(who.path("id").asText()).isEqualTo(OPERATOR.userId());
            assertThat(who.path("name").asText()).isEqualTo(OPERATOR.name());
            assertThat(who.path("tenant_id").asText()).isEqualTo("acme");
            assertThat(who.path("privileges").toString())
                    .isEqualTo("[\"PRIVILEGE_VOLUME_READ\",\"PRIVILEGE_VOLUME_WRITE\"]");
            assertThat(who.path("can_change_password").asBoolean()).isFalse();
            assertThat(who.has("access_token_id")).isFalse();
        }
        assertThat(asked.get()).isSameAs(OPERATOR);
    }

    @Test
    void withoutValidCredentialsTheFilterAnswers401AndNoUseCaseRuns() {
        try (RestServer server = serve()) {
            Reply none = server.get("/v1/session/who-am-i");
            none.expectError(401, "Unauthorized");
            assertThat(none.header("WWW-Authenticate")).isNotBlank();

            JsonNode bad = server.send("POST", "/v1/session/logout", null, "Authorization", "Bearer session-v1:bad")
                    .expectError(401, "Unauthorized");
            assertThat(bad.path("description").asText()).isEqualTo("the token is not valid");
        }
    }

    @Test
    void logsOutAndChangesThePassword() {
        AtomicReference<Principal> loggedOut = new AtomicReference<>();
        logout = loggedOut::set;
        AtomicReference<String> changed = new AtomicReference<>();
        changePassword = (caller, oldPassword, newPassword) ->
                changed.set(caller.name() + ":" + oldPassword.reveal() + "->" + newPassword.reveal());
        try (RestServer server = serve()) {
            server.send("POST", "/v1/session/logout", null, "Authorization", bearer()).expectSuccess();
            server.send("POST", "/v1/session/change-password",
                    "{\"old_password\": \"old secret\", \"new_password\": \"a new long secret\"}",
                    "Authorization", bearer()).expectSuccess();
            JsonNode tooShort = server.send("POST", "/v1/session/change-password",
                    "{\"old_password\": \"old secret\", \"new_password\": \"short\"}", "Authorization", bearer())
                    .expectError(400, "InvalidInput");
            assertThat(tooShort.path("description").asText()).contains("new_password");
        }
        assertThat(loggedOut.get()).isSameAs(OPERATOR);
        assertThat(changed.get()).isEqualTo(OPERATOR.name() + ":old secret->a new long secret");
    }
}
