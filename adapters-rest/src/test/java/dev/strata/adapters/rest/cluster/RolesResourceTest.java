package dev.strata.adapters.rest.cluster;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.Page;
import dev.strata.application.port.in.access.AddRoleMemberUseCase;
import dev.strata.application.port.in.access.CreateRoleUseCase;
import dev.strata.application.port.in.access.DeleteRoleUseCase;
import dev.strata.application.port.in.access.GetRoleUseCase;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.in.access.ListPrivilegesUseCase;
import dev.strata.application.port.in.access.ListRoleMembersUseCase;
import dev.strata.application.port.in.access.ListRolesUseCase;
import dev.strata.application.port.in.access.RemoveRoleMemberUseCase;
import dev.strata.application.port.in.access.UpdateRoleCommand;
import dev.strata.application.port.in.access.UpdateRoleUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /v1/auth/roles/} and {@code /v1/auth/privileges/} over HTTP against stubbed role use cases. */
class RolesResourceTest {

    private static final RoleName OPERATORS = new RoleName("operators");

    private ListRolesUseCase list = useCase(ListRolesUseCase.class);
    private GetRoleUseCase get = useCase(GetRoleUseCase.class);
    private CreateRoleUseCase create = useCase(CreateRoleUseCase.class);
    private UpdateRoleUseCase update = useCase(UpdateRoleUseCase.class);
    private DeleteRoleUseCase delete = useCase(DeleteRoleUseCase.class);
    private ListRoleMembersUseCase members = useCase(ListRoleMembersUseCase.class);
    private AddRoleMemberUseCase addMember = useCase(AddRoleMemberUseCase.class);
    private RemoveRoleMemberUseCase removeMember = useCase(RemoveRoleMemberUseCase.class);
    private ListPrivilegesUseCase privileges = useCase(ListPrivilegesUseCase.class);

    private RestServer serve() {
        return RestServer.serving(new RolesResource(list, get, create, update, delete, members, addMember,
                removeMember), new PrivilegesResource(privileges));
    }

    @Test
    void createsARoleWithItsVersionAsETag() {
        AtomicReference<String> asked = new AtomicReference<>();
        create = (caller, name, description, privileges) -> {
            asked.set(name.value() + "|" + description + "|" + privileges);
            return Samples.role();
        };
        try (RestServer server = serve()) {
            Reply reply = server.post("/v1/auth/roles/", """
                    {"name": "operators", "description": "runs volumes",
                     "privileges": ["PRIVILEGE_VOLUME_WRITE", "PRIVILEGE_VOLUME_READ"]}""");

            JsonNode role = reply.expect(201);
            assertThat(reply.header("Location"))
                    .isEqualTo("http://127.0.0.1:" + server.port() + "/v1/auth/roles/operators");
            assertThat(reply.header("ETag")).isEqualTo("\"4\"");
            assertThat(role.path("privileges").toString())
                    .isEqualTo("[\"PRIVILEGE_VOLUME_READ\",\"PRIVILEGE_VOLUME_WRITE\"]");

            JsonNode unknown = server.post("/v1/auth/roles/", "{\"name\": \"x\", \"privileges\": [\"PRIVILEGE_NOPE\"]}")
                    .expectError(400, "InvalidInput");
            assertThat(unknown.path("description").asText()).contains("privilege");
        }
        assertThat(asked.get()).isEqualTo("operators|runs volumes|"
                + EnumSet.of(Privilege.PRIVILEGE_VOLUME_READ, Privilege.PRIVILEGE_VOLUME_WRITE));
    }

    @Test
    void listsRolesAsAnObjectKeyedByNameAndPrivilegesWithDescriptions() {
        list = caller -> List.of(Samples.role());
        privileges = caller -> List.of(Privilege.PRIVILEGE_VOLUME_READ);
        try (RestServer server = serve()) {
            JsonNode roles = server.get("/v1/auth/roles/").expect(200);
            assertThat(roles.isObject()).isTrue();
            assertThat(roles.path("operators").path("description").asText()).isEqualTo("runs volumes");

            JsonNode all = server.get("/v1/auth/privileges/").expect(200);
            assertThat(all.size()).isEqualTo(1);
            assertThat(all.path("PRIVILEGE_VOLUME_READ").asText()).isNotBlank();
        }
    }

    @Test
    void ifMatchTravelsAsTheExpectedVersion() {
        AtomicReference<UpdateRoleCommand> sent = new AtomicReference<>();
        update = (caller, command) -> {
            sent.set(command);
            if (command.expectedVersion().orElse(4L) != 4L) {
                throw new DomainException(ErrorCode.PRECONDITION_FAILED, "the role changed since version 3");
            }
            return Samples.role();
        };
        AtomicReference<Optional<Long>> deletedAt = new AtomicReference<>();
        delete = (caller, name, version) -> {
            if (name.value().equals("admin")) {
                throw new DomainException(ErrorCode.BUILT_IN_ROLE, "built-in roles stay");
            }
            deletedAt.set(version);
        };
        try (RestServer server = serve()) {
            Reply patched = server.send("PATCH", "/v1/auth/roles/operators", "{\"description\": \"new words\"}",
                    "If-Match", "\"4\"");
            patched.expect(200);
            assertThat(patched.header("ETag")).isEqualTo("\"4\"");
            assertThat(sent.get()).isEqualTo(new UpdateRoleCommand(OPERATORS, Optional.of("new words"),
                    Optional.empty(), Optional.of(4L)));

            server.send("PATCH", "/v1/auth/roles/operators", "{\"description\": \"x\"}", "If-Match", "W/\"3\"")
                    .expectError(412, "PreconditionFailed");
            server.send("PATCH", "/v1/auth/roles/operators", "{\"description\": \"x\"}", "If-Match", "\"abc\"")
                    .expectError(412, "PreconditionFailed");
            server.put("/v1/auth/roles/operators", "{\"description\": \"only this\"}").expectError(400, "InvalidInput");
            server.patch("/v1/auth/roles/operators", "{\"name\": \"renamed\"}").expectError(400, "InvalidInput");

            server.send("DELETE", "/v1/auth/roles/operators", null, "If-Match", "*").expectSuccess();
            server.delete("/v1/auth/roles/admin").expectError(409, "BuiltInRole");
        }
        assertThat(deletedAt.get()).isEmpty();
    }

    @Test
    void membersAreAnObjectKeyedByAuthIdWithPaging() {
        AtomicReference<String> asked = new AtomicReference<>();
        members = (caller, role, after, limit) -> {
            asked.set(role.value() + " after " + after + " limit " + limit);
            return new Page<>(List.of(Samples.user()), Optional.of("501"));
        };
        AtomicReference<IdentityRef> added = new AtomicReference<>();
        addMember = (caller, role, member) -> {
            added.set(member);
            return Samples.user();
        };
        AtomicReference<String> removed = new AtomicReference<>();
        removeMember = (caller, role, member) -> removed.set(role.value() + " - " + member.value());
        try (RestServer server = serve()) {
            JsonNode page = server.get("/v1/auth/roles/operators/members?limit=1&after=500").expect(200);
            assertThat(page.path("members").path("501").path("name").asText()).isEqualTo("alice");
            assertThat(page.path("paging").path("next").asText())
                    .startsWith("/v1/auth/roles/operators/members?").contains("after=501").contains("limit=1");
            server.get("/v1/auth/roles/operators/members?after=x").expectError(400, "InvalidInput");

            JsonNode identity = server.post("/v1/auth/roles/operators/members", "{\"name\": \"alice\"}").expect(200);
            assertThat(identity.path("auth_id").asText()).isEqualTo("501");
            server.post("/v1/auth/roles/operators/members", "{}").expectError(400, "InvalidInput");

            server.delete("/v1/auth/roles/operators/members/501").expectSuccess();
            server.delete("/v1/auth/roles/operators/members/alice").expectError(404, "NotExists");
        }
        assertThat(asked.get()).isEqualTo("operators after 500 limit 1");
        assertThat(added.get()).isEqualTo(IdentityRef.byName(new UserName("alice")));
        assertThat(removed.get()).isEqualTo("operators - " + UserId.of(501).value());
    }
}
