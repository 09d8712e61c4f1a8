package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input on every host, publish, unpublish and target endpoint gets the §2 answer with the
 * field named, and changes nothing: the state read before every request is the state after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostsBadInputSystemTest {

    private static final String VOL = "5f0c6c3e-0000-4000-8000-00000000000a";
    private static final String FREE = "5f0c6c3e-0000-4000-8000-00000000000f";
    private static final String ACME_VOL = "5f0c6c3e-0000-4000-8000-0000000000ac";
    private static final String UNKNOWN = "0b6f4d7e-0000-4000-8000-000000000000";
    private static final String H1 = "9e8d7c6b-5a49-4837-a625-1403f2e1d0c1";
    private static final String H2 = "9e8d7c6b-5a49-4837-a625-1403f2e1d0c2";
    private static final String NQN1 = "nqn.2014-08.org.nvmexpress:uuid:" + H1;

    @TempDir
    static Path dataDir;

    private TestServer server;
    private Api api;
    private List<String> before;

    @BeforeAll
    void startWithAVolumePublishedToOneHostAndAnotherHost() {
        server = TestServer.start(dataDir);
        api = server.api();
        api.post("/backends", aNode().at("10.50.0.1").onRack("r1").withCapacityGiB(100).json());
        api.post("/tenants", "{\"tenantId\": \"acme\", \"capacity\": 50}");
        for (String volume : List.of(VOL, FREE)) {
            Reply reply = api.post("/volumes", "{\"alias\": \"" + volume + "\", \"capacity\": 1, \"uuid\": \"" + volume
                    + "\"}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        }
        assertThat(api.post("/acme/volumes", "{\"alias\": \"a\", \"capacity\": 1, \"uuid\": \"" + ACME_VOL + "\"}")
                .status()).isEqualTo(201);
        assertThat(api.post("/host_probe", probe(H1, NQN1, "30")).status()).isEqualTo(200);
        assertThat(api.post("/host_probe", probe(H2, "nqn.2014-08.com.example:h2", "30")).status()).isEqualTo(200);
        Reply published = api.post("/publish", "{\"hostId\": \"" + H1 + "\", \"volId\": \"" + VOL + "\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        before = state();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String probe(String hostId, String nqn, String duration) {
        return "{\"hostNqn\": \"" + nqn + "\", \"hostId\": \"" + hostId + "\", \"name\": \"compute\", \"duration\": "
                + duration + "}";
    }

    private List<String> state() {
        return List.of(api.get("/hosts").body(), api.get("/targets?hostId=" + H1).body(),
                api.get("/targets?hostId=" + H2).body(), api.get("/volumes").body(), api.get("/acme/volumes").body(),
                api.get("/backends").body());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "name": "n", "duration": 30 | 400 | JSON
            POST   | /host_probe   | {"hostId": "n", "name": "n", "duration": 30}                          | 400 | hostNqn
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "name": "n", "duration": 30} | 400 | hostId
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "duration": 30} | 400 | name
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "name": "n"}  | 400 | duration
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "name": "n", "duration": 0} | 400 | duration
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "name": "n", "duration": -30} | 400 | duration
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "name": "n", "duration": 86401} | 400 | duration
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "name": "n", "duration": "30"} | 400 | duration
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "name": "n", "duration": 1.5} | 400 | duration
            POST   | /host_probe   | {"hostNqn": "iqn.2014-08.com.example:n", "hostId": "n", "name": "n", "duration": 30} | 400 | hostNqn
            POST   | /host_probe   | {"hostNqn": "nqn.2014-13.com.example:n", "hostId": "n", "name": "n", "duration": 30} | 400 | hostNqn
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.org.nvmexpress:uuid:zzz", "hostId": "n", "name": "n", "duration": 30} | 400 | hostNqn
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:LONG", "hostId": "n", "name": "n", "duration": 30} | 400 | 223 bytes
            POST   | /host_probe   | {"hostNqn": 7, "hostId": "n", "name": "n", "duration": 30}            | 400 | hostNqn
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "a b", "name": "n", "duration": 30} | 400 | hostId
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "LONG", "name": "n", "duration": 30} | 400 | hostId
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:n", "hostId": "n", "name": "LONG", "duration": 30} | 400 | name
            POST   | /host_probe   | {"hostNqn": "NQN1", "hostId": "n", "name": "n", "duration": 30}       | 409 | AlreadyExists
            POST   | /host_probe   | {"hostNqn": "nqn.2014-08.com.example:moved", "hostId": "H1", "name": "n", "duration": 30} | 409 | InUse
            POST   | /host_probe   | []                                                                   | 400 | JSON object
            POST   | /host_probe   | NONE                                                                 | 400 | body
            POST   | /publish      | {"hostId": "H2"}                                                     | 400 | volId
            POST   | /publish      | {"volId": "FREE"}                                                    | 400 | hostId
            POST   | /publish      | {"hostId": "H2", "volId": "not-a-uuid"}                              | 400 | volId
            POST   | /publish      | {"hostId": "a b", "volId": "FREE"}                                   | 400 | hostId
            POST   | /publish      | {"hostId": 5, "volId": "FREE"}                                       | 400 | hostId
            POST   | /publish      | {"hostId": "unknown-host", "volId": "FREE"}                          | 404 | host
            POST   | /publish      | {"hostId": "H2", "volId": "UNKNOWN"}                                 | 404 | volume
            POST   | /publish      | {"hostId": "H2", "volId": "ACME_VOL"}                                | 404 | volume
            POST   | /publish      | {"hostId": "H2", "volId": "VOL"}                                     | 409 | AlreadyPublished
            POST   | /nobody/publish | {"hostId": "H2", "volId": "FREE"}                                  | 404 | tenant
            POST   | /v1/publish   | {"hostId": "H2", "volId": "FREE"}                                    | 400 | tenantId
            POST   | /publish      | NONE                                                                 | 400 | body
            POST   | /unpublish    | {}                                                                   | 400 | volId
            POST   | /unpublish    | {"hostId": "H1"}                                                     | 400 | volId
            POST   | /unpublish    | {"hostId": "", "volId": "VOL"}                                       | 400 | hostId
            POST   | /unpublish    | {"volId": "UNKNOWN"}                                                 | 404 | volume
            POST   | /unpublish    | {"hostId": "unknown-host", "volId": "VOL"}                           | 404 | host
            POST   | /acme/unpublish | {"volId": "VOL"}                                                   | 404 | volume
            GET    | /targets      | NONE                                                                 | 400 | hostId or volId
            GET    | /targets?hostId=&volId= | NONE                                                       | 400 | hostId or volId
            GET    | /targets?hostId=a%20b | NONE                                                         | 400 | hostId
            GET    | /targets?volId=xyz | NONE                                                            | 400 | volId
            GET    | /targets?hostId=unknown-host | NONE                                                  | 404 | host
            GET    | /targets?volId=UNKNOWN | NONE                                                        | 404 | volume
            GET    | /hosts/unknown-host | NONE                                                           | 404 | host
            GET    | /hosts/a%20b  | NONE                                                                 | 404 | host
            DELETE | /hosts/unknown-host | NONE                                                           | 404 | host
            DELETE | /hosts/H1     | NONE                                                                 | 409 | InUse
            DELETE | /volumes/VOL  | NONE                                                                 | 409 | VolumePublished
            """)
    void answersBadInputAndChangesNothing(String method, String path, String body, int status, String hint) {
        String json = body == null ? null : body.replace("LONG", "a".repeat(300)).replace("UNKNOWN", UNKNOWN)
                .replace("ACME_VOL", ACME_VOL).replace("FREE", FREE).replace("VOL", VOL).replace("NQN1", NQN1)
                .replace("H1", H1).replace("H2", H2);
        String target = path.replace("UNKNOWN", UNKNOWN).replace("VOL", VOL).replace("H1", H1);

        Reply reply = api.send(method, target, json == null && method.equals("POST") ? "" : json);

        String description = reply.assertErrorBody(status);
        assertThat(description + " " + reply.errorStatus()).containsIgnoringCase(hint);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aCallerBoundToATenantCannotTouchAnotherTenantsVolume() {
        assertThat(api.post("/v1/users/", "{\"name\": \"acme-ops\", \"password\": \"acme-ops-password\","
                + " \"roles\": [\"storage\"], \"tenant_id\": \"acme\"}").status()).isEqualTo(201);
        Api acme = server.anonymous().withBasic("acme-ops", "acme-ops-password");
        String other = "{\"hostId\": \"" + H2 + "\", \"volId\": \"" + FREE + "\"}";
        String published = "{\"hostId\": \"" + H1 + "\", \"volId\": \"" + VOL + "\"}";

        assertThat(acme.post("/0/publish", other).status()).isEqualTo(403);
        assertThat(acme.post("/publish", other).status()).isEqualTo(404);
        assertThat(acme.post("/0/unpublish", published).status()).isEqualTo(403);
        assertThat(acme.post("/unpublish", published).status()).isEqualTo(404);
        assertThat(acme.get("/targets?volId=" + VOL).status()).isEqualTo(404);
        assertThat(acme.get("/targets?hostId=" + H1).json()).as("none of acme's namespaces").isEmpty();
        assertThat(state()).as("nothing changed").isEqualTo(before);

        Reply own = acme.post("/publish", "{\"hostId\": \"" + H1 + "\", \"volId\": \"" + ACME_VOL + "\"}");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(acme.get("/targets?hostId=" + H1).json().findValuesAsText("volumeId")).containsExactly(ACME_VOL);
        assertThat(api.get("/targets?hostId=" + H1).json().findValuesAsText("volumeId"))
                .containsExactlyInAnyOrder(VOL, ACME_VOL);
        assertThat(acme.post("/unpublish", "{\"volId\": \"" + ACME_VOL + "\"}").status()).isEqualTo(200);
        List<String> after = state();
        assertThat(withoutGenerations(after)).as("all as before, but the node's generation, which moved twice")
                .isEqualTo(withoutGenerations(before));
        before = after;
    }

    private static List<String> withoutGenerations(List<String> state) {
        return state.stream().map(body -> body.replaceAll("\"desiredGeneration\":\\d+", "")).toList();
    }
}
