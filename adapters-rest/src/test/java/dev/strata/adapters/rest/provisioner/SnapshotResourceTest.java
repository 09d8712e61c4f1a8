package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.volume.CloneVolumeCommand;
import dev.strata.application.port.in.volume.CloneVolumeUseCase;
import dev.strata.application.port.in.volume.CreateSnapshotCommand;
import dev.strata.application.port.in.volume.CreateSnapshotUseCase;
import dev.strata.application.port.in.volume.CreateVolumeFromSnapshotUseCase;
import dev.strata.application.port.in.volume.DeleteSnapshotUseCase;
import dev.strata.application.port.in.volume.GetSnapshotByAliasUseCase;
import dev.strata.application.port.in.volume.GetSnapshotUseCase;
import dev.strata.application.port.in.volume.ListSnapshotsOfVolumeUseCase;
import dev.strata.application.port.in.volume.ListSnapshotsUseCase;
import dev.strata.application.port.in.volume.SnapshotRef;
import dev.strata.application.port.in.volume.VolumeFromSnapshotCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.VolumeId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Snapshots, volumes made from them, and clones over HTTP against stubbed use cases. */
class SnapshotResourceTest {

    private static final VolumeId CLONE = new VolumeId("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");

    private CreateSnapshotUseCase create = useCase(CreateSnapshotUseCase.class);
    private ListSnapshotsUseCase list = useCase(ListSnapshotsUseCase.class);
    private GetSnapshotUseCase get = useCase(GetSnapshotUseCase.class);
    private DeleteSnapshotUseCase delete = useCase(DeleteSnapshotUseCase.class);
    private ListSnapshotsOfVolumeUseCase ofVolume = useCase(ListSnapshotsOfVolumeUseCase.class);
    private GetSnapshotByAliasUseCase byAlias = useCase(GetSnapshotByAliasUseCase.class);
    private CreateVolumeFromSnapshotUseCase fromSnapshot = useCase(CreateVolumeFromSnapshotUseCase.class);
    private CloneVolumeUseCase cloneVolume = useCase(CloneVolumeUseCase.class);

    private RestServer serve() {
        return RestServer.serving(new SnapshotResource(create, list, get, delete),
                new SnapshotsByVolumeResource(ofVolume), new SnapshotsByAliasResource(byAlias),
                new SnapshotVolumeResource(fromSnapshot), new CloneVolumeResource(cloneVolume));
    }

    @Test
    void createsASnapshotWithLocationInTheTenant() {
        AtomicReference<CreateSnapshotCommand> sent = new AtomicReference<>();
        create = (caller, command) -> {
            sent.set(command);
            return new Created<>(Samples.snapshot(Samples.ACME), true);
        };
        try (RestServer server = serve()) {
            Reply reply = server.post("/acme/snapshots",
                    "{\"alias\": \"snap-1\", \"volumeID\": \"%s\", \"reservedSpacePercentage\": 30}"
                            .formatted(Samples.VOLUME.value()));

            JsonNode body = reply.expect(201);
            assertThat(reply.header("Location")).isEqualTo("http://127.0.0.1:" + server.port() + "/acme/snapshots/"
                    + Samples.SNAPSHOT.value());
            assertThat(body.path("snapshotID").asText()).isEqualTo(Samples.SNAPSHOT.value());
            assertThat(body.path("volumeID").asText()).isEqualTo(Samples.VOLUME.value());
            assertThat(body.path("tenantId").asText()).isEqualTo("acme");
            assertThat(body.path("capacity").asLong()).isEqualTo(20);
            assertThat(body.path("timestamp").asLong()).isEqualTo(Samples.NOW.toEpochMilli());

            JsonNode noVolume = server.post("/snapshots", "{\"alias\": \"s\"}").expectError(400, "InvalidInput");
            assertThat(noVolume.path("description").asText()).contains("volumeID");
            JsonNode badVolume = server.post("/snapshots", "{\"alias\": \"s\", \"volumeID\": \"nope\"}")
                    .expectError(400, "InvalidInput");
            assertThat(badVolume.path("description").asText()).contains("volumeID");
        }
        assertThat(sent.get()).isEqualTo(new CreateSnapshotCommand(Optional.of(Samples.ACME), Optional.empty(),
                "snap-1", Samples.VOLUME, 30));
    }

    @Test
    void readsSnapshotsByTenantIdVolumeAndAlias() {
        AtomicReference<Optional<TenantId>> listed = new AtomicReference<>();
        list = (caller, tenant) -> {
            listed.set(tenant);
            return List.of(Samples.snapshot(TenantId.DEFAULT));
        };
        AtomicReference<SnapshotRef> asked = new AtomicReference<>();
        get = (caller, ref) -> {
            asked.set(ref);
            return Samples.snapshot(Samples.ACME);
        };
        AtomicReference<VolumeRef> ofWhich = new AtomicReference<>();
        ofVolume = (caller, ref) -> {
            ofWhich.set(ref);
            return List.of(Samples.snapshot(Samples.ACME));
        };
        AtomicReference<String> alias = new AtomicReference<>();
        byAlias = (caller, tenant, name) -> {
            alias.set(tenant.map(TenantId::value).orElse("-") + "/" + name);
            return Samples.snapshot(TenantId.DEFAULT);
        };
        try (RestServer server = serve()) {
            assertThat(server.get("/snapshots").expect(200)).hasSize(1);
            JsonNode one = server.get("/acme/snapshots/" + Samples.SNAPSHOT.value()).expect(200);
            assertThat(one.isArray()).isTrue();
            assertThat(one.get(0).path("alias").asText()).isEqualTo("snap-1");
            assertThat(server.get("/acme/snapshots_by_vol/" + Samples.VOLUME.value()).expect(200)).hasSize(1);
            assertThat(server.get("/snapshots_by_alias/snap-1").expect(200).get(0).path("snapshotID").asText())
                    .isEqualTo(Samples.SNAPSHOT.value());
        }
        assertThat(listed.get()).isEmpty();
        assertThat(asked.get()).isEqualTo(new SnapshotRef(Optional.of(Samples.ACME), Samples.SNAPSHOT));
        assertThat(ofWhich.get()).isEqualTo(new VolumeRef(Optional.of(Samples.ACME), Samples.VOLUME));
        assertThat(alias.get()).isEqualTo("-/snap-1");
    }

    @Test
    void deleteAnswersAnOutcomeOrTheRefusal() {
        AtomicReference<SnapshotRef> deleted = new AtomicReference<>();
        delete = (caller, ref) -> {
            if (ref.tenant().isPresent()) {
                throw new DomainException(ErrorCode.HAS_VOLUMES, "snapshot has volumes made from it");
            }
            deleted.set(ref);
        };
        try (RestServer server = serve()) {
            server.delete("/snapshots/" + Samples.SNAPSHOT.value()).expectSuccess();
            server.delete("/acme/snapshots/" + Samples.SNAPSHOT.value()).expectError(409, "HasVolumes");
            server.delete("/snapshots/not-a-uuid").expectError(404, "NotExists");
        }
        assertThat(deleted.get()).isEqualTo(new SnapshotRef(Optional.empty(), Samples.SNAPSHOT));
    }

    @Test
    void makesVolumesFromASnapshotAndByCloning() {
        AtomicReference<VolumeFromSnapshotCommand> restored = new AtomicReference<>();
        fromSnapshot = (caller, command) -> {
            restored.set(command);
            return new Created<>(Samples.volume(Samples.ACME), true);
        };
        AtomicReference<CloneVolumeCommand> cloned = new AtomicReference<>();
        cloneVolume = (caller, command) -> {
            cloned.set(command);
            return new Created<>(Samples.volume(CLONE, TenantId.DEFAULT, "copy"), true);
        };
        try (RestServer server = serve()) {
            Reply restore = server.post("/acme/snapshot_volumes",
                    "{\"alias\": \"data-1\", \"snapshotID\": \"%s\", \"writable\": true}"
                            .formatted(Samples.SNAPSHOT.value()));
            restore.expect(201);
            assertThat(restore.header("Location")).endsWith("/acme/volumes/" + Samples.VOLUME.value());

            Reply clone = server.post("/clone_volume", "{\"sourceVolumeId\": \"%s\", \"alias\": \"copy\", \"capacity\": 40}"
                    .formatted(Samples.VOLUME.value()));
            assertThat(clone.expect(201).path("uuid").asText()).isEqualTo(CLONE.value());
            assertThat(clone.header("Location")).isEqualTo("http://127.0.0.1:" + server.port() + "/volumes/"
                    + CLONE.value());

            server.post("/clone_volume", "{\"alias\": \"copy\"}").expectError(400, "InvalidInput");
        }
        VolumeFromSnapshotCommand command = restored.get();
        assertThat(command.tenant()).contains(Samples.ACME);
        assertThat(command.snapshot()).isEqualTo(Samples.SNAPSHOT);
        assertThat(command.writable()).isTrue();
        assertThat(command.alias()).isEqualTo("data-1");
        assertThat(cloned.get()).isEqualTo(new CloneVolumeCommand(Optional.empty(), Optional.empty(), Samples.VOLUME,
                "copy", Optional.of(40 * Bytes.GIB), Optional.empty()));
    }
}
