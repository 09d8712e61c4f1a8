package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.support.Reply;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.adapters.rest.support.Samples;
import dev.strata.application.port.in.node.GetNodeUseCase;
import dev.strata.application.port.in.node.ListNodesUseCase;
import dev.strata.application.port.in.node.RegisterNodeUseCase;
import dev.strata.application.port.in.node.RemoveNodeUseCase;
import dev.strata.application.port.in.node.UpdateNodeCommand;
import dev.strata.application.port.in.node.UpdateNodeUseCase;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Principal;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.Portal;
import dev.strata.domain.node.Transport;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /backends} over HTTP against stubbed node use cases. */
class BackendResourceTest {

    private static BackendResource resource(RegisterNodeUseCase register, ListNodesUseCase list, GetNodeUseCase get,
                                            UpdateNodeUseCase update, RemoveNodeUseCase remove) {
        return new BackendResource(register, list, get, update, remove, caller -> java.util.Map.of());
    }

    @Test
    void registersWhatTheBodyDeclaresAndAnswers201WithLocation() {
        AtomicReference<NodeDeclaration> declared = new AtomicReference<>();
        AtomicReference<Principal> caller = new AtomicReference<>();
        RegisterNodeUseCase register = (who, declaration) -> {
            caller.set(who);
            declared.set(declaration);
            return Samples.node();
        };
        try (RestServer server = RestServer.serving(resource(register, useCase(ListNodesUseCase.class),
                useCase(GetNodeUseCase.class), useCase(UpdateNodeUseCase.class), useCase(RemoveNodeUseCase.class)))) {
            Reply reply = server.post("/backends", """
                    {"mgmtIPs": ["10.0.0.7"], "name": "node-a", "rack": "r1", "zone": "z1", "region": "eu",
                     "totalCapacity": 100, "totalIOPS": 5000,
                     "portals": [{"ip": "10.1.0.7", "port": 4421, "transport": "RDMA"}]}""");

            JsonNode body = reply.expect(201);
            assertThat(reply.header("Location")).isEqualTo("http://127.0.0.1:" + server.port() + "/backends/"
                    + Samples.NODE.value());
            assertThat(body.path("persistentID").asText()).isEqualTo(Samples.NODE.value());
            assertThat(body.path("name").asText()).isEqualTo("node-a");
            assertThat(body.path("rack").asText()).isEqualTo("r1");
            assertThat(body.path("totalCapacity").asLong()).isEqualTo(100);
            assertThat(body.path("state").asText()).isEqualTo("Available");
            assertThat(body.has("status")).isFalse();
        }
        assertThat(caller.get()).isSameAs(RestServer.CALLER);
        NodeDeclaration declaration = declared.get();
        assertThat(declaration.mgmtIps()).containsExactly("10.0.0.7");
        assertThat(declaration.mgmtPort()).isEqualTo(NodeDeclaration.DEFAULT_MGMT_PORT);
        assertThat(declaration.location().rack()).isEqualTo("r1");
        assertThat(declaration.location().zone()).isEqualTo("z1");
        assertThat(declaration.location().region()).isEqualTo("eu");
        assertThat(declaration.totalCapacity()).isEqualTo(100 * Bytes.GIB);
        assertThat(declaration.totalIops()).isEqualTo(5000);
        assertThat(declaration.portals()).containsExactly(new Portal("10.1.0.7", 4421, Transport.RDMA));
    }

    @Test
    void readsAreArraysAndOneIdIsAnArrayOfOne() {
        AtomicReference<NodeId> asked = new AtomicReference<>();
        GetNodeUseCase get = (who, id) -> {
            asked.set(id);
            return Samples.node();
        };
        try (RestServer server = RestServer.serving(resource(useCase(RegisterNodeUseCase.class),
                who -> List.of(Samples.node()), get, useCase(UpdateNodeUseCase.class),
                useCase(RemoveNodeUseCase.class)))) {
            JsonNode all = server.get("/backends").expect(200);
            assertThat(all.isArray()).isTrue();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).path("mgmtIPs").get(0).asText()).isEqualTo("10.0.0.7");

            JsonNode one = server.get("/backends/" + Samples.NODE.value()).expect(200);
            assertThat(one.isArray()).isTrue();
            assertThat(one).hasSize(1);
            assertThat(one.get(0).path("persistentID").asText()).isEqualTo(Samples.NODE.value());
        }
        assertThat(asked.get()).isEqualTo(Samples.NODE);
    }

    @Test
    void aMalformedIdIsUnknownAndNeverReachesTheUseCase() {
        try (RestServer server = RestServer.serving(resource(useCase(RegisterNodeUseCase.class),
                useCase(ListNodesUseCase.class), useCase(GetNodeUseCase.class), useCase(UpdateNodeUseCase.class),
                useCase(RemoveNodeUseCase.class)))) {
            String tooLong = "n".repeat(65);
            server.get("/backends/" + tooLong).expectError(404, "NotExists");
            server.delete("/backends/" + tooLong).expectError(404, "NotExists");
        }
    }

    @Test
    void updatesLabelsAndStateFromTheBody() {
        AtomicReference<UpdateNodeCommand> sent = new AtomicReference<>();
        UpdateNodeUseCase update = (who, command) -> {
            sent.set(command);
            return Samples.node();
        };
        try (RestServer server = RestServer.serving(resource(useCase(RegisterNodeUseCase.class),
                useCase(ListNodesUseCase.class), useCase(GetNodeUseCase.class), update,
                useCase(RemoveNodeUseCase.class)))) {
            JsonNode body = server.put("/backends/" + Samples.NODE.value(),
                    "{\"rack\": \"r9\", \"state\": \"Maintenance\"}").expect(200);
            assertThat(body.isObject()).isTrue();
            assertThat(body.path("persistentID").asText()).isEqualTo(Samples.NODE.value());

            server.put("/backends/" + Samples.NODE.value(), "{\"state\": \"Broken\"}").expectError(400, "InvalidInput");
        }
        assertThat(sent.get()).isEqualTo(new UpdateNodeCommand(Samples.NODE, Optional.of("r9"), Optional.empty(),
                Optional.empty(), Optional.of(NodeState.MAINTENANCE)));
    }

    @Test
    void removesAndMapsDomainRefusalsToTheErrorBody() {
        AtomicReference<NodeId> removed = new AtomicReference<>();
        RemoveNodeUseCase remove = (who, id) -> {
            if (id.equals(Samples.OTHER_NODE)) {
                throw new DomainException(dev.strata.domain.ErrorCode.IN_USE, "backend holds replicas");
            }
            removed.set(id);
        };
        RegisterNodeUseCase register = (who, declaration) -> {
            throw DomainException.alreadyExists("management address 10.0.0.7 belongs to node-a");
        };
        try (RestServer server = RestServer.serving(resource(register, useCase(ListNodesUseCase.class),
                useCase(GetNodeUseCase.class), useCase(UpdateNodeUseCase.class), remove))) {
            server.delete("/backends/" + Samples.NODE.value()).expectSuccess();

            JsonNode inUse = server.delete("/backends/" + Samples.OTHER_NODE.value()).expectError(409, "InUse");
            assertThat(inUse.path("description").asText()).isEqualTo("backend holds replicas");

            JsonNode exists = server.post("/backends", "{\"mgmtIPs\": [\"10.0.0.7\"]}")
                    .expectError(409, "AlreadyExists");
            assertThat(exists.path("description").asText()).contains("10.0.0.7");

            JsonNode noBody = server.post("/backends", "[1]").expectError(400, "InvalidInput");
            assertThat(noBody.path("description").asText()).isNotBlank();
        }
        assertThat(removed.get()).isEqualTo(Samples.NODE);
    }
}
