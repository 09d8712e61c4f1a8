package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.port.in.volume.AddReplicaCommand;
import dev.strata.application.port.in.volume.AddReplicaUseCase;
import dev.strata.application.port.in.volume.RecordReplicaStateUseCase;
import dev.strata.application.port.in.volume.RemoveReplicaUseCase;
import dev.strata.application.port.in.volume.ReplicaRef;
import dev.strata.application.port.in.volume.TerminateReplicaUseCase;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code [t]/replica/…} over HTTP against stubbed replica use cases. */
class ReplicaResourceTest {

    private static final ReplicaRef REF = new ReplicaRef(new VolumeRef(Optional.of(Samples.ACME), Samples.VOLUME),
            Samples.REPLICA);

    private AddReplicaUseCase add = useCase(AddReplicaUseCase.class);
    private TerminateReplicaUseCase terminate = useCase(TerminateReplicaUseCase.class);
    private RemoveReplicaUseCase remove = useCase(RemoveReplicaUseCase.class);
    private RecordReplicaStateUseCase record = useCase(RecordReplicaStateUseCase.class);

    private RestServer serve() {
        return RestServer.serving(new ReplicaResource(add, terminate, remove, record));
    }

    @Test
    void addsAReplicaWhereTheBodyAllowsWithLocation() {
        AtomicReference<AddReplicaCommand> sent = new AtomicReference<>();
        add = (caller, command) -> {
            sent.set(command);
            return new Replica(Samples.REPLICA, Samples.OTHER_NODE, ReplicaState.SYNCHRONIZING, Samples.NOW);
        };
        try (RestServer server = serve()) {
            Reply reply = server.post("/acme/replica/" + Samples.VOLUME.value(),
                    "{\"zones\": [\"z2\"], \"sameRackAllowed\": true}");

            JsonNode body = reply.expect(201);
            assertThat(reply.header("Location")).isEqualTo("http://127.0.0.1:" + server.port() + "/acme/replica/"
                    + Samples.VOLUME.value() + "/" + Samples.REPLICA.value());
            assertThat(body.path("uuid").asText()).isEqualTo(Samples.REPLICA.value());
            assertThat(body.path("backend").path("persistentID").asText()).isEqualTo(Samples.OTHER_NODE.value());

            server.post("/replica/" + Samples.VOLUME.value(), null).expect(201);
        }
        assertThat(sent.get().volume()).isEqualTo(new VolumeRef(Optional.empty(), Samples.VOLUME));
        assertThat(sent.get().filter()).isEmpty();
        assertThat(sent.get().sameRackAllowed()).isEmpty();
    }

    @Test
    void aBodyNarrowsWhereTheReplicaMayGo() {
        AtomicReference<AddReplicaCommand> sent = new AtomicReference<>();
        add = (caller, command) -> {
            sent.set(command);
            throw new DomainException(ErrorCode.TOO_MANY_REPLICAS, "a volume has at most 4 replicas");
        };
        try (RestServer server = serve()) {
            server.post("/acme/replica/" + Samples.VOLUME.value(), "{\"zones\": [\"z2\"], \"sameRackAllowed\": true}")
                    .expectError(409, "TooManyReplicas");
        }
        assertThat(sent.get()).isEqualTo(new AddReplicaCommand(new VolumeRef(Optional.of(Samples.ACME),
                Samples.VOLUME), Optional.of(new LocationFilter(List.of(), List.of("z2"), List.of())),
                Optional.of(true)));
    }

    @Test
    void terminatesRemovesAndRecordsStatesWithOutcomes() {
        AtomicReference<ReplicaRef> terminated = new AtomicReference<>();
        terminate = (caller, ref) -> {
            terminated.set(ref);
            return new Replica(ref.id(), Samples.NODE, ReplicaState.TERMINATING, Samples.NOW);
        };
        AtomicReference<ReplicaRef> removed = new AtomicReference<>();
        remove = (caller, ref) -> removed.set(ref);
        AtomicReference<ReplicaState> recorded = new AtomicReference<>();
        record = (caller, ref, state) -> {
            recorded.set(state);
            return new Replica(ref.id(), Samples.NODE, state, Samples.NOW);
        };
        String path = "/acme/replica/" + Samples.VOLUME.value() + "/" + Samples.REPLICA.value();
        try (RestServer server = serve()) {
            server.patch(path, null).expectSuccess();
            server.delete(path).expectSuccess();
            JsonNode missing = server.patch(path + "/Missing", null).expectSuccess();
            assertThat(missing.path("description").asText()).endsWith("is Missing");

            JsonNode bad = server.patch(path + "/Terminating", null).expectError(400, "InvalidInput");
            assertThat(bad.path("description").asText()).contains("state");
        }
        assertThat(terminated.get()).isEqualTo(REF);
        assertThat(removed.get()).isEqualTo(REF);
        assertThat(recorded.get()).isEqualTo(ReplicaState.MISSING);
    }

    @Test
    void theLastReplicaStays() {
        remove = (caller, ref) -> {
            throw new DomainException(ErrorCode.LAST_REPLICA, "the last replica of a volume stays");
        };
        try (RestServer server = serve()) {
            server.delete("/replica/" + Samples.VOLUME.value() + "/" + Samples.REPLICA.value())
                    .expectError(409, "LastReplica");
        }
    }
}
