package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.postgresql.PostgresServer;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three Strata servers over HTTPS on one PostgreSQL database: each acts on the others' changes. */
class ScaleOutSystemTest {

    @TempDir
    Path dir;

    private DatabaseUrl.Postgresql url;
    private final List<TestServer> servers = new ArrayList<>();

    @BeforeEach
    void startThree() {
        url = PostgresServer.shared().newDatabase();
        for (int i = 0; i < 3; i++) {
            servers.add(TestServer.start(dir.resolve("instance-" + i),
                    settings -> settings.withDatabase(url, Optional.of(PostgresServer.PASSWORD))));
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(TestServer::close);
        PostgresServer.shared().dropDatabase(url);
    }

    @Test
    void aNodeRegisteredThroughOneIsListedByTheOthersAtOnce() {
        Reply created = servers.get(0).api().post("/backends", """
                {"mgmtIPs": ["10.30.0.1"], "rack": "r1", "zone": "z1", "region": "eu", "totalCapacity": 1024,
                 "portals": [{"ip": "10.30.0.1", "port": 4420, "transport": "TCP"}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("persistentID").asText();
        for (TestServer other : servers.subList(1, 3)) {
            assertThat(other.api().get("/backends").json().findValuesAsText("persistentID")).containsExactly(id);
        }
    }

    @Test
    void aUserDisabledThroughOneIsRefusedByTheOthersOnTheirNextRequest() {
        Reply user = servers.get(0).api().post("/v1/users/", """
                {"name": "ops", "password": "ops-password-1", "roles": [], "tenant_id": null}""");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        List<Api> ops = servers.stream().map(s -> s.anonymous().withBasic("ops", "ops-password-1")).toList();
        for (Api client : ops) {
            // known and checked (then remembered) by every instance: not refused as a caller
            assertThat(client.get("/backends").status()).isNotEqualTo(401);
        }
        Reply disabled = servers.get(0).api().put("/v1/users/" + user.json().path("id").asText(),
                "{\"enabled\": false}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        for (Api client : ops.subList(1, 3)) {
            assertThat(client.get("/backends").status()).isEqualTo(401);
        }
    }
}
