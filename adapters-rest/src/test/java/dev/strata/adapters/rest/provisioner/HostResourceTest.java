package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.host.GetHostUseCase;
import dev.strata.application.port.in.host.HostView;
import dev.strata.application.port.in.host.ListHostsUseCase;
import dev.strata.application.port.in.host.ListTargetsUseCase;
import dev.strata.application.port.in.host.ProbeHostCommand;
import dev.strata.application.port.in.host.ProbeHostUseCase;
import dev.strata.application.port.in.host.PublishCommand;
import dev.strata.application.port.in.host.PublishVolumeUseCase;
import dev.strata.application.port.in.host.RemoveHostUseCase;
import dev.strata.application.port.in.host.TargetView;
import dev.strata.application.port.in.host.TargetsQuery;
import dev.strata.application.port.in.host.UnpublishCommand;
import dev.strata.application.port.in.host.UnpublishVolumeUseCase;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostState;
import dev.strata.domain.host.Namespace;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Host probes, hosts, publish, unpublish and targets over HTTP against stubbed use cases. */
class HostResourceTest {

    private ProbeHostUseCase probe = useCase(ProbeHostUseCase.class);
    private ListHostsUseCase list = useCase(ListHostsUseCase.class);
    private GetHostUseCase get = useCase(GetHostUseCase.class);
    private RemoveHostUseCase remove = useCase(RemoveHostUseCase.class);
    private PublishVolumeUseCase publish = useCase(PublishVolumeUseCase.class);
    private UnpublishVolumeUseCase unpublish = useCase(UnpublishVolumeUseCase.class);
    private ListTargetsUseCase targets = useCase(ListTargetsUseCase.class);

    private RestServer serve() {
        return RestServer.serving(new HostProbeResource(probe), new HostResource(list, get, remove),
                new PublishResource(publish), new UnpublishResource(unpublish), new TargetResource(targets));
    }

    @Test
    void aProbeRegistersTheHostItDescribes() {
        AtomicReference<ProbeHostCommand> sent = new AtomicReference<>();
        probe = (caller, command) -> {
            sent.set(command);
            return new Created<>(Samples.host(), true);
        };
        try (RestServer server = serve()) {
            JsonNode outcome = server.post("/host_probe", """
                    {"hostNqn": "nqn.2014-08.org.nvmexpress:uuid:%s", "hostId": "%s", "name": "compute-1",
                     "clientType": "Agent", "version": "cinder-0.1", "duration": 45}"""
                    .formatted(Samples.HOST.value(), Samples.HOST.value())).expectSuccess();
            assertThat(outcome.path("description").asText()).isEqualTo("host " + Samples.HOST + " registered");

            JsonNode bad = server.post("/host_probe", "{\"hostId\": \"%s\", \"hostNqn\": \"not an nqn\"}"
                    .formatted(Samples.HOST.value())).expectError(400, "InvalidInput");
            assertThat(bad.path("description").asText()).contains("hostNqn");
        }
        ProbeHostCommand command = sent.get();
        assertThat(command.host()).isEqualTo(Samples.HOST);
        assertThat(command.details().nqn().value()).isEqualTo("nqn.2014-08.org.nvmexpress:uuid:" + Samples.HOST);
        assertThat(command.details().name()).isEqualTo("compute-1");
        assertThat(command.details().duration()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void listsFindsReadsAndRemovesHosts() {
        AtomicReference<Optional<String>> named = new AtomicReference<>();
        list = (caller, name) -> {
            named.set(name);
            return List.of(new HostView(Samples.host(), HostState.ONLINE));
        };
        get = (caller, id) -> new HostView(Samples.host(), HostState.OFFLINE);
        AtomicReference<HostId> removed = new AtomicReference<>();
        remove = (caller, id) -> {
            if (!id.equals(Samples.HOST)) {
                throw DomainException.notExists("host " + id + " does not exist");
            }
            removed.set(id);
        };
        try (RestServer server = serve()) {
            JsonNode found = server.get("/hosts?hostName=compute-1").expect(200);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("name").asText()).isEqualTo("compute-1");
            assertThat(found.get(0).path("state").asText()).isEqualTo("Online");
            assertThat(found.get(0).path("duration").asLong()).isEqualTo(30);
            assertThat(found.get(0).path("lastProbeTime").asLong()).isEqualTo(Samples.NOW.toEpochMilli());

            JsonNode one = server.get("/hosts/" + Samples.HOST.value()).expect(200);
            assertThat(one.get(0).path("state").asText()).isEqualTo("Offline");

            server.delete("/hosts/" + Samples.HOST.value()).expectSuccess();
            server.delete("/hosts/other-host").expectError(404, "NotExists");
        }
        assertThat(named.get()).contains("compute-1");
        assertThat(removed.get()).isEqualTo(Samples.HOST);
    }

    @Test
    void publishesInTheTenantAndSaysWhetherItChangedAnything() {
        AtomicReference<PublishCommand> sent = new AtomicReference<>();
        publish = (caller, command) -> {
            sent.set(command);
            if (command.volume().tenant().isEmpty()) {
                throw new DomainException(ErrorCode.ALREADY_PUBLISHED, "volume is published to another host");
            }
            return new Created<>(new Publication(Samples.VOLUME, Samples.HOST, true, Samples.NOW), false);
        };
        String body = "{\"hostId\": \"%s\", \"volId\": \"%s\"}".formatted(Samples.HOST.value(),
                Samples.VOLUME.value());
        try (RestServer server = serve()) {
            JsonNode again = server.post("/acme/publish", body).expectSuccess();
            assertThat(again.path("description").asText()).contains("was already published");
            assertThat(sent.get()).isEqualTo(new PublishCommand(new VolumeRef(Optional.of(Samples.ACME),
                    Samples.VOLUME), Samples.HOST));

            server.post("/publish", body).expectError(409, "AlreadyPublished");
            JsonNode noVolume = server.post("/publish", "{\"hostId\": \"%s\"}".formatted(Samples.HOST.value()))
                    .expectError(400, "InvalidInput");
            assertThat(noVolume.path("description").asText()).contains("volId");
        }
    }

    @Test
    void unpublishWithoutAHostMeansEveryHost() {
        AtomicReference<UnpublishCommand> sent = new AtomicReference<>();
        unpublish = (caller, command) -> {
            sent.set(command);
            return command.host().isPresent() ? List.of() : List.of(Samples.HOST);
        };
        try (RestServer server = serve()) {
            JsonNode everywhere = server.post("/unpublish", "{\"volId\": \"%s\"}".formatted(Samples.VOLUME.value()))
                    .expectSuccess();
            assertThat(everywhere.path("description").asText())
                    .isEqualTo("volume " + Samples.VOLUME + " unpublished from host " + Samples.HOST);
            assertThat(sent.get()).isEqualTo(new UnpublishCommand(new VolumeRef(Optional.empty(), Samples.VOLUME),
                    Optional.empty()));

            JsonNode nothing = server.post("/acme/unpublish", "{\"hostId\": \"%s\", \"volId\": \"%s\"}"
                    .formatted(Samples.HOST.value(), Samples.VOLUME.value())).expectSuccess();
            assertThat(nothing.path("description").asText()).contains("was not published to host " + Samples.HOST);
            assertThat(sent.get().volume().tenant()).contains(Samples.ACME);
        }
    }

    @Test
    void targetsAnswerWhatAHostNeedsToConnect() {
        AtomicReference<TargetsQuery> asked = new AtomicReference<>();
        Target target = Target.restore(Samples.HOST, Samples.NODE, Samples.NOW,
                List.of(new Namespace(1, Samples.REPLICA, Samples.VOLUME, TenantId.DEFAULT)));
        targets = (caller, query) -> {
            asked.set(query);
            return List.of(new TargetView(target, Samples.host().nqn(), "compute-1"));
        };
        try (RestServer server = serve()) {
            JsonNode found = server.get("/targets?volId=" + Samples.VOLUME.value()).expect(200);
            assertThat(found).hasSize(1);
            JsonNode first = found.get(0);
            assertThat(first.path("targetName").asText()).isEqualTo(target.name().value());
            assertThat(first.path("hostId").asText()).isEqualTo(Samples.HOST.value());
            assertThat(first.path("backend").path("persistentID").asText()).isEqualTo(Samples.NODE.value());
            assertThat(first.path("numNamespaces").asInt()).isEqualTo(1);
            assertThat(first.path("namespaces").get(0).path("uuid").asText()).isEqualTo(Samples.REPLICA.value());
            assertThat(first.path("allowedHosts").get(0).asText()).isEqualTo(Samples.host().nqn().value());

            JsonNode none = server.get("/targets").expectError(400, "InvalidInput");
            assertThat(none.path("description").asText()).contains("hostId or volId");
        }
        assertThat(asked.get()).isEqualTo(new TargetsQuery(Optional.empty(), Optional.of(Samples.VOLUME)));
    }
}
