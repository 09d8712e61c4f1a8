package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.port.in.access.CreateUserCommand;
import dev.strata.application.port.in.access.CreateUserUseCase;
import dev.strata.application.port.in.access.DeleteUserUseCase;
import dev.strata.application.port.in.access.FindIdentityUseCase;
import dev.strata.application.port.in.access.GetUserUseCase;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.ListUsersUseCase;
import dev.strata.application.port.in.access.SetPasswordUseCase;
import dev.strata.application.port.in.access.UpdateUserCommand;
import dev.strata.application.port.in.access.UpdateUserUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /v1/users/} and {@code /v1/identity/find} over HTTP against stubbed user use cases. */
class UsersResourceTest {

    private ListUsersUseCase list = useCase(ListUsersUseCase.class);
    private GetUserUseCase get = useCase(GetUserUseCase.class);
    private CreateUserUseCase create = useCase(CreateUserUseCase.class);
    private UpdateUserUseCase update = useCase(UpdateUserUseCase.class);
    private DeleteUserUseCase delete = useCase(DeleteUserUseCase.class);
    private SetPasswordUseCase setPassword = useCase(SetPasswordUseCase.class);
    private FindIdentityUseCase find = useCase(FindIdentityUseCase.class);

    private RestServer serve() {
        return RestServer.serving(new UsersResource(list, get, create, update, delete, setPassword),
                new IdentityResource(find));
    }

    @Test
    void createsAUserInQumulosShapeWithLocation() {
        AtomicReference<CreateUserCommand> sent = new AtomicReference<>();
        create = (caller, command) -> {
            sent.set(command);
            return Samples.user();
        };
        try (RestServer server = serve()) {
            Reply reply = server.post("/v1/users/", """
                    {"name": "alice", "password": "long enough secret", "roles": ["operators"],
                     "tenant_id": "acme", "primary_group": "513", "uid": "", "home_directory": null}""");

            JsonNode user = reply.expect(201);
            assertThat(reply.header("Location")).isEqualTo("http://127.0.0.1:" + server.port() + "/v1/users/501");
            assertThat(user.path("id").asText()).isEqualTo("501");
            assertThat(user.path("name").asText()).isEqualTo("alice");
            assertThat(user.path("roles").get(0).asText()).isEqualTo("operators");
            assertThat(user.path("primary_group").asText()).isEqualTo("513");
            assertThat(user.path("tenant_id").isNull()).isTrue();
            assertThat(user.has("password")).isFalse();
            assertThat(reply.body()).doesNotContain("hash");

            JsonNode posix = server.post("/v1/users/", "{\"name\": \"bob\", \"password\": \"long enough secret\","
                    + " \"uid\": \"1000\"}").expectError(400, "InvalidInput");
            assertThat(posix.path("description").asText()).contains("uid");
            JsonNode shortPassword = server.post("/v1/users/", "{\"name\": \"bob\", \"password\": \"short\"}")
                    .expectError(400, "InvalidInput");
            assertThat(shortPassword.path("description").asText()).contains("password");
        }
        CreateUserCommand command = sent.get();
        assertThat(command.name()).isEqualTo(new UserName("alice"));
        assertThat(command.password().reveal()).isEqualTo("long enough secret");
        assertThat(command.roles()).containsExactly(new RoleName("operators"));
        assertThat(command.tenant()).contains(Samples.ACME);
    }

    @Test
    void readsUpdatesDeletesAndSetsPasswordsById() {
        list = caller -> List.of(Samples.user());
        AtomicReference<UserId> read = new AtomicReference<>();
        get = (caller, id) -> {
            read.set(id);
            return Samples.user();
        };
        AtomicReference<UpdateUserCommand> changed = new AtomicReference<>();
        update = (caller, command) -> {
            changed.set(command);
            return Samples.user();
        };
        AtomicReference<UserId> deleted = new AtomicReference<>();
        delete = (caller, id) -> deleted.set(id);
        AtomicReference<String> newPassword = new AtomicReference<>();
        setPassword = (caller, id, password) -> newPassword.set(id.value() + ":" + password.reveal());
        try (RestServer server = serve()) {
            JsonNode all = server.get("/v1/users/").expect(200);
            assertThat(all.isArray()).isTrue();
            assertThat(all.get(0).path("name").asText()).isEqualTo("alice");
            assertThat(server.get("/v1/users/501").expect(200).isObject()).isTrue();
            server.get("/v1/users/alice").expectError(404, "NotExists");

            server.put("/v1/users/501", "{\"enabled\": false, \"tenant_id\": \"\"}").expect(200);
            server.delete("/v1/users/501").expectSuccess();
            server.post("/v1/users/501/setpassword", "{\"new_password\": \"another long one\"}").expectSuccess();
        }
        assertThat(read.get()).isEqualTo(UserId.of(501));
        assertThat(changed.get().id()).isEqualTo(UserId.of(501));
        assertThat(changed.get().enabled()).contains(false);
        assertThat(changed.get().tenant()).contains(Optional.empty());
        assertThat(changed.get().name()).isEmpty();
        assertThat(deleted.get()).isEqualTo(UserId.of(501));
        assertThat(newPassword.get()).isEqualTo("501:another long one");
    }

    @Test
    void findsAWholeIdentityFromAPartialOne() {
        AtomicReference<IdentityRef> asked = new AtomicReference<>();
        find = (caller, identity) -> {
            asked.set(identity);
            if (identity.name().isEmpty()) {
                throw DomainException.notExists("no such identity");
            }
            return Samples.user();
        };
        try (RestServer server = serve()) {
            JsonNode identity = server.post("/v1/identity/find", "{\"name\": \"alice\"}").expect(200);
            assertThat(identity.path("domain").asText()).isEqualTo("LOCAL");
            assertThat(identity.path("auth_id").asText()).isEqualTo("501");
            assertThat(identity.path("name").asText()).isEqualTo("alice");
            assertThat(identity.path("uid").isNull()).isTrue();
            assertThat(asked.get()).isEqualTo(new IdentityRef(Optional.empty(), Optional.of(new UserName("alice"))));

            server.post("/v1/identity/find", "{\"auth_id\": \"777\"}").expectError(404, "NotExists");
            server.post("/v1/identity/find", "{\"domain\": \"AD\", \"name\": \"x\"}").expectError(400, "InvalidInput");
        }
        assertThat(Set.of(asked.get().authId().orElseThrow())).containsExactly(UserId.of(777));
    }
}
