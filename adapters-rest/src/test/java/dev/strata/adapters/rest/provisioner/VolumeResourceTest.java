package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.volume.ChangeVolumeCommand;
import dev.strata.application.port.in.volume.ChangeVolumeUseCase;
import dev.strata.application.port.in.volume.CreateVolumeCommand;
import dev.strata.application.port.in.volume.CreateVolumeUseCase;
import dev.strata.application.port.in.volume.DeleteVolumeUseCase;
import dev.strata.application.port.in.volume.GetVolumeByAliasUseCase;
import dev.strata.application.port.in.volume.GetVolumeUseCase;
import dev.strata.application.port.in.volume.ListVolumesQuery;
import dev.strata.application.port.in.volume.ListVolumesUseCase;
import dev.strata.application.port.in.volume.StreamVolumesUseCase;
import dev.strata.application.port.in.volume.VolumePage;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.VolumeId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code [t]/volumes} and {@code [t]/volumes_by_alias} over HTTP against stubbed volume use cases. */
class VolumeResourceTest {

    private static final VolumeId SECOND = new VolumeId("0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71");

    private CreateVolumeUseCase create = useCase(CreateVolumeUseCase.class);
    private ListVolumesUseCase listPage = useCase(ListVolumesUseCase.class);
    private StreamVolumesUseCase listAll = useCase(StreamVolumesUseCase.class);
    private GetVolumeUseCase get = useCase(GetVolumeUseCase.class);
    private ChangeVolumeUseCase change = useCase(ChangeVolumeUseCase.class);
    private DeleteVolumeUseCase delete = useCase(DeleteVolumeUseCase.class);
    private GetVolumeByAliasUseCase byAlias = useCase(GetVolumeByAliasUseCase.class);

    private RestServer serve() {
        return RestServer.serving(new VolumeResource(create, listPage, listAll, get, change, delete),
                new VolumeByAliasResource(byAlias));
    }

    @Test
    void createsInTheNamedTenantWithLocationUnderTheSamePrefix() {
        AtomicReference<CreateVolumeCommand> sent = new AtomicReference<>();
        create = (caller, command) -> {
            sent.set(command);
            return new Created<>(Samples.volume(Samples.ACME), true);
        };
        try (RestServer server = serve()) {
            Reply reply = server.post("/acme/volumes", """
                    {"alias": "data-1", "capacity": 20, "provisioningType": "thin", "reservedSpacePercentage": 25,
                     "uuid": "%s", "storageClass": {"numReplicas": 2, "zones": ["z1"], "sameRackAllowed": true}}"""
                    .formatted(Samples.VOLUME.value()));

            JsonNode body = reply.expect(201);
            assertThat(reply.header("Location"))
                    .isEqualTo("http://127.0.0.1:" + server.port() + "/acme/volumes/" + Samples.VOLUME.value());
            assertThat(body.path("uuid").asText()).isEqualTo(Samples.VOLUME.value());
            assertThat(body.path("tenantId").asText()).isEqualTo("acme");
            assertThat(body.path("capacity").asLong()).isEqualTo(20);
            assertThat(body.path("location").get(0).path("backend").path("persistentID").asText())
                    .isEqualTo(Samples.NODE.value());
        }
        CreateVolumeCommand command = sent.get();
        assertThat(command.tenant()).contains(Samples.ACME);
        assertThat(command.id()).contains(Samples.VOLUME);
        assertThat(command.spec().alias()).isEqualTo("data-1");
        assertThat(command.spec().capacity()).isEqualTo(20 * Bytes.GIB);
        assertThat(command.spec().provisioning()).isEqualTo(Provisioning.THIN);
        assertThat(command.spec().reservedSpacePercentage()).isEqualTo(25);
        assertThat(command.spec().storageClass().numReplicas()).isEqualTo(2);
        assertThat(command.spec().storageClass().filter().zones()).containsExactly("z1");
        assertThat(command.spec().storageClass().sameRackAllowed()).isTrue();
    }

    @Test
    void withoutAPrefixTheDefaultTenantIsMeantAndARepeatAnswers200() {
        AtomicReference<CreateVolumeCommand> sent = new AtomicReference<>();
        create = (caller, command) -> {
            sent.set(command);
            return new Created<>(Samples.volume(TenantId.DEFAULT), false);
        };
        try (RestServer server = serve()) {
            Reply reply = server.post("/volumes", "{\"alias\": \"data-1\", \"capacity\": 20}");

            JsonNode body = reply.expect(200);
            assertThat(reply.header("Location")).isNull();
            assertThat(body.path("tenantId").asText()).isEqualTo("0");
        }
        assertThat(sent.get().tenant()).isEmpty();
        assertThat(sent.get().id()).isEmpty();
        assertThat(sent.get().spec().provisioning()).isEqualTo(Provisioning.THICK);
    }

    @Test
    void badBodiesAre400NamingTheFieldAndReachNoUseCase() {
        try (RestServer server = serve()) {
            JsonNode missing = server.post("/volumes", "{\"alias\": \"data-1\"}").expectError(400, "InvalidInput");
            assertThat(missing.path("description").asText()).contains("capacity");

            JsonNode wrongType = server.post("/volumes", "{\"alias\": \"data-1\", \"capacity\": \"big\"}")
                    .expectError(400, "InvalidInput");
            assertThat(wrongType.path("description").asText()).contains("capacity");

            JsonNode reserved = server.post("/info/volumes", "{\"alias\": \"a\", \"capacity\": 1}")
                    .expectError(400, "InvalidInput");
            assertThat(reserved.path("description").asText()).contains("tenantId");
        }
    }

    @Test
    void aPagedListLinksToTheNextPageWhileMoreRemain() {
        AtomicReference<ListVolumesQuery> asked = new AtomicReference<>();
        listPage = (caller, query) -> {
            asked.set(query);
            return new VolumePage(List.of(Samples.volume(Samples.VOLUME, Samples.ACME, "a"),
                    Samples.volume(SECOND, Samples.ACME, "b")), true);
        };
        try (RestServer server = serve()) {
            Reply reply = server.get("/acme/volumes?limit=2&after=" + Samples.VOLUME.value());

            JsonNode page = reply.expect(200);
            assertThat(page).hasSize(2);
            assertThat(page.get(1).path("alias").asText()).isEqualTo("b");
            assertThat(reply.header("Link")).isEqualTo("<http://127.0.0.1:" + server.port()
                    + "/acme/volumes?limit=2&after=" + SECOND.value() + ">; rel=\"next\"");

            server.get("/volumes?limit=zero").expectError(400, "InvalidInput");
        }
        assertThat(asked.get()).isEqualTo(new ListVolumesQuery(Optional.of(Samples.ACME),
                Optional.of(Samples.VOLUME), 2));
    }

    @Test
    void theLastPageHasNoLinkAndAListWithoutLimitStreamsEveryVolume() {
        listPage = (caller, query) -> new VolumePage(List.of(Samples.volume(TenantId.DEFAULT)), false);
        AtomicReference<Optional<TenantId>> streamed = new AtomicReference<>();
        listAll = (caller, tenant, after) -> {
            streamed.set(tenant);
            return Stream.of(Samples.volume(Samples.VOLUME, TenantId.DEFAULT, "a"),
                    Samples.volume(SECOND, TenantId.DEFAULT, "b"));
        };
        try (RestServer server = serve()) {
            Reply last = server.get("/volumes?limit=5");
            assertThat(last.expect(200)).hasSize(1);
            assertThat(last.header("Link")).isNull();

            JsonNode all = server.get("/volumes").expect(200);
            assertThat(all).hasSize(2);
            assertThat(all.get(0).path("uuid").asText()).isEqualTo(Samples.VOLUME.value());
            assertThat(all.get(1).path("uuid").asText()).isEqualTo(SECOND.value());
        }
        assertThat(streamed.get()).isEmpty();
    }

    @Test
    void readsOneByIdOrAliasAsAnArrayOfOne() {
        AtomicReference<VolumeRef> asked = new AtomicReference<>();
        get = (caller, ref) -> {
            asked.set(ref);
            return Samples.volume(Samples.ACME);
        };
        AtomicReference<String> alias = new AtomicReference<>();
        byAlias = (caller, tenant, name) -> {
            alias.set(tenant.map(TenantId::value).orElse("-") + "/" + name);
            return Samples.volume(Samples.ACME);
        };
        try (RestServer server = serve()) {
            JsonNode one = server.get("/acme/volumes/" + Samples.VOLUME.value()).expect(200);
            assertThat(one.isArray()).isTrue();
            assertThat(one).hasSize(1);
            assertThat(one.get(0).path("alias").asText()).isEqualTo("data-1");

            JsonNode named = server.get("/acme/volumes_by_alias/data-1").expect(200);
            assertThat(named).hasSize(1);
            assertThat(named.get(0).path("uuid").asText()).isEqualTo(Samples.VOLUME.value());
        }
        assertThat(asked.get()).isEqualTo(new VolumeRef(Optional.of(Samples.ACME), Samples.VOLUME));
        assertThat(alias.get()).isEqualTo("acme/data-1");
    }

    @Test
    void patchGrowsByANumericStringAndRenames() {
        AtomicReference<ChangeVolumeCommand> sent = new AtomicReference<>();
        change = (caller, command) -> {
            sent.set(command);
            return Samples.volume(TenantId.DEFAULT);
        };
        try (RestServer server = serve()) {
            JsonNode body = server.patch("/volumes/" + Samples.VOLUME.value(),
                    "{\"newCapacity\": \"30\", \"alias\": \"renamed\"}").expect(200);
            assertThat(body.isObject()).isTrue();
            assertThat(sent.get()).isEqualTo(new ChangeVolumeCommand(new VolumeRef(Optional.empty(), Samples.VOLUME),
                    Optional.of(30 * Bytes.GIB), Optional.of("renamed")));

            server.patch("/volumes/" + Samples.VOLUME.value(), "{\"newCapacity\": 1.5}")
                    .expectError(400, "InvalidInput");
            server.patch("/volumes/" + Samples.VOLUME.value(), "{\"alias\": 7}").expectError(400, "InvalidInput");
        }
    }

    @Test
    void deleteAnswersAnOutcomeAndDomainRefusalsTheirOwnCodes() {
        AtomicReference<VolumeRef> deleted = new AtomicReference<>();
        delete = (caller, ref) -> {
            if (ref.id().equals(SECOND)) {
                throw new DomainException(ErrorCode.VOLUME_PUBLISHED, "volume " + SECOND + " is published");
            }
            deleted.set(ref);
        };
        get = (caller, ref) -> {
            throw DomainException.notExists("volume " + ref.id() + " does not exist");
        };
        change = (caller, command) -> {
            throw new DomainException(ErrorCode.TENANT_BUDGET_EXCEEDED, "tenant acme has 5 GiB left");
        };
        try (RestServer server = serve()) {
            JsonNode outcome = server.delete("/acme/volumes/" + Samples.VOLUME.value()).expectSuccess();
            assertThat(outcome.path("description").asText()).contains(Samples.VOLUME.value());

            server.delete("/volumes/" + SECOND.value()).expectError(409, "VolumePublished");
            JsonNode missing = server.get("/volumes/" + SECOND.value()).expectError(404, "NotExists");
            assertThat(missing.path("description").asText()).isEqualTo("volume " + SECOND + " does not exist");
            server.patch("/acme/volumes/" + SECOND.value(), "{\"newCapacity\": 900}")
                    .expectError(507, "TenantBudgetExceeded");
        }
        assertThat(deleted.get()).isEqualTo(new VolumeRef(Optional.of(Samples.ACME), Samples.VOLUME));
    }
}
