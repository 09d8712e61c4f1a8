package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.tenant.CreateTenantUseCase;
import dev.strata.application.port.in.tenant.DeleteTenantUseCase;
import dev.strata.application.port.in.tenant.GetTenantUseCase;
import dev.strata.application.port.in.tenant.ListTenantsUseCase;
import dev.strata.application.port.in.tenant.TenantDeclaration;
import dev.strata.application.port.in.tenant.UpdateTenantCommand;
import dev.strata.application.port.in.tenant.UpdateTenantUseCase;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /tenants} over HTTP against stubbed tenant use cases. */
class TenantResourceTest {

    private CreateTenantUseCase create = useCase(CreateTenantUseCase.class);
    private ListTenantsUseCase list = useCase(ListTenantsUseCase.class);
    private GetTenantUseCase get = useCase(GetTenantUseCase.class);
    private UpdateTenantUseCase update = useCase(UpdateTenantUseCase.class);
    private DeleteTenantUseCase delete = useCase(DeleteTenantUseCase.class);

    private RestServer serve() {
        return RestServer.serving(new TenantResource(create, list, get, update, delete));
    }

    @Test
    void createsWithBudgetsInGiBAndAnswers201WithLocation() {
        AtomicReference<TenantDeclaration> sent = new AtomicReference<>();
        create = (caller, declaration) -> {
            sent.set(declaration);
            return new Created<>(Samples.tenant(), true);
        };
        try (RestServer server = serve()) {
            Reply reply = server.post("/tenants",
                    "{\"tenantId\": \"acme\", \"name\": \"Acme\", \"capacity\": 500, \"totalIOPS\": 1000}");

            JsonNode body = reply.expect(201);
            assertThat(reply.header("Location")).isEqualTo("http://127.0.0.1:" + server.port() + "/tenants/acme");
            assertThat(body.path("tenantId").asText()).isEqualTo("acme");
            assertThat(body.path("capacity").asLong()).isEqualTo(500);
            assertThat(body.path("consumedCapacity").asLong()).isEqualTo(20);
            assertThat(body.path("totalBW").asLong()).isEqualTo(2000);

            JsonNode noCapacity = server.post("/tenants", "{\"tenantId\": \"acme\"}").expectError(400, "InvalidInput");
            assertThat(noCapacity.path("description").asText()).contains("capacity");
            JsonNode reserved = server.post("/tenants", "{\"tenantId\": \"hosts\", \"capacity\": 1}")
                    .expectError(400, "InvalidInput");
            assertThat(reserved.path("description").asText()).contains("tenantId");
        }
        assertThat(sent.get()).isEqualTo(new TenantDeclaration(Optional.of(Samples.ACME), "Acme", 500 * Bytes.GIB,
                1000, 0));
    }

    @Test
    void readsUpdatesAndDeletes() {
        list = caller -> List.of(Samples.tenant());
        AtomicReference<TenantId> asked = new AtomicReference<>();
        get = (caller, id) -> {
            asked.set(id);
            return Samples.tenant();
        };
        AtomicReference<UpdateTenantCommand> changed = new AtomicReference<>();
        update = (caller, command) -> {
            changed.set(command);
            return Samples.tenant();
        };
        AtomicReference<TenantId> deleted = new AtomicReference<>();
        delete = (caller, id) -> {
            if (id.equals(TenantId.DEFAULT)) {
                throw new DomainException(ErrorCode.HAS_VOLUMES, "tenant 0 has volumes");
            }
            deleted.set(id);
        };
        try (RestServer server = serve()) {
            assertThat(server.get("/tenants").expect(200).get(0).path("name").asText()).isEqualTo("Acme");
            JsonNode one = server.get("/tenants/acme").expect(200);
            assertThat(one.isArray()).isTrue();
            assertThat(one).hasSize(1);
            server.get("/tenants/not%20valid").expectError(404, "NotExists");

            assertThat(server.put("/tenants/acme", "{\"capacity\": 600}").expect(200).isObject()).isTrue();
            server.put("/tenants/acme", "{\"capacity\": -1}").expectError(400, "InvalidInput");

            server.delete("/tenants/acme").expectSuccess();
            server.delete("/tenants/0").expectError(409, "HasVolumes");
        }
        assertThat(asked.get()).isEqualTo(Samples.ACME);
        assertThat(changed.get()).isEqualTo(new UpdateTenantCommand(Samples.ACME, Optional.empty(),
                Optional.of(600 * Bytes.GIB), Optional.empty(), Optional.empty()));
        assertThat(deleted.get()).isEqualTo(Samples.ACME);
    }
}
