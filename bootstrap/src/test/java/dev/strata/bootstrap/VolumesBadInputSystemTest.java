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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input on every tenant, volume, replica, snapshot and clone endpoint gets the §2 answer with
 * the field named, and changes nothing: the state read before every request is the state after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumesBadInputSystemTest {

    private static final String VOL = "5f0c6c3e-0000-4000-8000-00000000000a";
    private static final String SNAP = "5f0c6c3e-0000-4000-8000-0000000000bb";
    private static final String UNKNOWN = "0b6f4d7e-0000-4000-8000-000000000000";

    @TempDir
    static Path dataDir;

    private TestServer server;
    private Api api;
    private String replica;
    private List<String> before;

    @BeforeAll
    void startWithAVolumeASnapshotAndATenant() {
        server = TestServer.start(dataDir);
        api = server.api();
        api.post("/backends", aNode().at("10.50.0.1").onRack("r1").withCapacityGiB(100).json());
        api.post("/backends", aNode().at("10.50.0.2").onRack("r2").withCapacityGiB(100).json());
        api.post("/tenants", "{\"tenantId\": \"acme\", \"capacity\": 50}");
        Reply volume = api.post("/volumes", "{\"alias\": \"base\", \"capacity\": 10, \"uuid\": \"" + VOL + "\"}");
        assertThat(volume.status()).as(volume.toString()).isEqualTo(201);
        replica = volume.json().path("location").get(0).path("uuid").asText();
        Reply snapshot = api.post("/snapshots", "{\"alias\": \"snap\", \"volumeID\": \"" + VOL + "\", \"snapshotID\": \""
                + SNAP + "\"}");
        assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(201);
        before = state();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private List<String> state() {
        return List.of(api.get("/volumes").body(), api.get("/acme/volumes").body(), api.get("/tenants").body(),
                api.get("/backends").body(), api.get("/snapshots").body());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            POST   | /volumes                 | {"alias": "x", "capacity": 1                          | 400 | JSON
            POST   | /volumes                 | {"alias": "x", "capacity": "10"}                      | 400 | capacity
            POST   | /volumes                 | {"alias": "x", "capacity": 0}                         | 400 | capacity
            POST   | /volumes                 | {"alias": "x", "capacity": -5}                        | 400 | capacity
            POST   | /volumes                 | {"alias": "x", "capacity": 99999999999999999999}      | 400 | capacity
            POST   | /volumes                 | {"alias": "x", "capacity": 1.5}                       | 400 | capacity
            POST   | /volumes                 | {"alias": "x", "capacity": 2000000}                   | 400 | capacity
            POST   | /volumes                 | {"alias": "x"}                                        | 400 | capacity
            POST   | /volumes                 | {"capacity": 1}                                       | 400 | alias
            POST   | /volumes                 | {"alias": "LONG", "capacity": 1}                      | 400 | alias
            POST   | /volumes                 | {"alias": 7, "capacity": 1}                           | 400 | alias
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "storageClass": {"numReplicas": 5}}   | 400 | numReplicas
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "storageClass": {"numReplicas": "2"}} | 400 | numReplicas
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "storageClass": {"blockSize": 1000}}  | 400 | blockSize
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "storageClass": {"zones": "nova"}}    | 400 | zones
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "storageClass": {"maxIOPSPerGB": -1}} | 400 | maxIOPSPerGB
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "provisioningType": "FAT"}  | 400 | provisioningType
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "reservedSpacePercentage": 101} | 400 | reservedSpacePercentage
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "uuid": "not-a-uuid"}   | 400 | uuid
            POST   | /volumes                 | {"alias": "x", "capacity": 1, "protocol": "iSCSI"}    | 400 | protocol
            POST   | /volumes                 | []                                                    | 400 | JSON object
            POST   | /volumes                 | NONE                                                  | 400 | body
            POST   | /nobody/volumes          | {"alias": "x", "capacity": 1}                         | 404 | tenant
            POST   | /v1/volumes              | {"alias": "x", "capacity": 1}                         | 400 | tenantId
            POST   | /volumes                 | {"alias": "x", "capacity": 1000}                      | 507 | needs 1000 GiB
            POST   | /acme/volumes            | {"alias": "x", "capacity": 51}                        | 507 | budget
            POST   | /volumes                 | {"alias": "base", "capacity": 11}                     | 409 | alias
            PATCH  | /volumes/VOL             | {"newCapacity": "abc"}                                | 400 | newCapacity
            PATCH  | /volumes/VOL             | {"newCapacity": "1"}                                  | 400 | newCapacity
            PATCH  | /volumes/VOL             | {"newCapacity": -3}                                   | 400 | newCapacity
            PATCH  | /volumes/VOL             | {"newCapacity": 1.5}                                  | 400 | newCapacity
            PATCH  | /volumes/VOL             | {"newCapacity": "99999999999999999999999"}            | 400 | newCapacity
            PATCH  | /volumes/VOL             | {"newCapacity": true}                                 | 400 | newCapacity
            PATCH  | /volumes/VOL             | {"newCapacity": 500}                                  | 507 | 500 GiB
            PATCH  | /volumes/VOL             | {}                                                    | 400 | newCapacity
            PATCH  | /volumes/VOL             | {"alias": 5}                                          | 400 | alias
            PATCH  | /volumes/VOL             | {"alias": "LONG"}                                     | 400 | alias
            PATCH  | /volumes/VOL             | {"newCapacity": 20                                    | 400 | JSON
            PATCH  | /volumes/UNKNOWN         | {"newCapacity": 20}                                   | 404 | volume
            PATCH  | /acme/volumes/VOL        | {"newCapacity": 20}                                   | 404 | volume
            GET    | /volumes/UNKNOWN         | NONE                                                  | 404 | volume
            GET    | /volumes/not-a-uuid      | NONE                                                  | 404 | volume
            GET    | /volumes_by_alias/nope   | NONE                                                  | 404 | alias
            GET    | /volumes?after=zzz       | NONE                                                  | 400 | after
            DELETE | /volumes/UNKNOWN         | NONE                                                  | 404 | volume
            DELETE | /volumes/VOL             | NONE                                                  | 409 | snapshots
            POST   | /replica/UNKNOWN         | {}                                                    | 404 | volume
            POST   | /replica/VOL             | {"zones": "x"}                                        | 400 | zones
            POST   | /replica/VOL             | {"sameRackAllowed": "yes"}                            | 400 | sameRackAllowed
            POST   | /replica/VOL             | {"zones": ["nowhere"]}                                | 507 | zone
            PATCH  | /replica/VOL/UNKNOWN     | NONE                                                  | 404 | replica
            PATCH  | /replica/VOL/REPLICA     | NONE                                                  | 409 | LastReplica
            PATCH  | /replica/VOL/REPLICA/Broken | NONE                                               | 400 | state
            PATCH  | /replica/VOL/REPLICA/Terminating | NONE                                          | 400 | state
            DELETE | /replica/VOL/UNKNOWN     | NONE                                                  | 404 | replica
            DELETE | /replica/VOL/REPLICA     | NONE                                                  | 409 | LastReplica
            POST   | /snapshots               | {"alias": "s"}                                        | 400 | volumeID
            POST   | /snapshots               | {"alias": "s", "volumeID": "nope"}                    | 400 | volumeID
            POST   | /snapshots               | {"alias": "s", "volumeID": "UNKNOWN"}                 | 404 | volume
            POST   | /snapshots               | {"alias": "LONG", "volumeID": "VOL"}                  | 400 | alias
            POST   | /snapshots               | {"alias": "s", "volumeID": "VOL", "reservedSpacePercentage": -1} | 400 | reservedSpacePercentage
            POST   | /snapshots               | {"alias": "snap", "volumeID": "VOL", "reservedSpacePercentage": 50} | 409 | alias
            GET    | /snapshots/UNKNOWN       | NONE                                                  | 404 | snapshot
            GET    | /snapshots_by_vol/UNKNOWN | NONE                                                 | 404 | volume
            GET    | /snapshots_by_alias/nope | NONE                                                  | 404 | alias
            DELETE | /snapshots/UNKNOWN       | NONE                                                  | 404 | snapshot
            POST   | /snapshot_volumes        | {"alias": "r", "writable": true}                      | 400 | snapshotID
            POST   | /snapshot_volumes        | {"alias": "r", "snapshotID": "UNKNOWN"}               | 404 | snapshot
            POST   | /snapshot_volumes        | {"alias": "r", "snapshotID": "SNAP", "writable": "yes"} | 400 | writable
            POST   | /snapshot_volumes        | {"alias": "LONG", "snapshotID": "SNAP"}               | 400 | alias
            POST   | /clone_volume            | {"alias": "c"}                                        | 400 | sourceVolumeId
            POST   | /clone_volume            | {"alias": "c", "sourceVolumeId": "UNKNOWN"}           | 404 | volume
            POST   | /clone_volume            | {"alias": "c", "sourceVolumeId": "VOL", "capacity": 5} | 400 | capacity
            POST   | /clone_volume            | {"alias": "c", "sourceVolumeId": "VOL", "capacity": "20"} | 400 | capacity
            POST   | /tenants                 | {"tenantId": "t1"}                                    | 400 | capacity
            POST   | /tenants                 | {"tenantId": "t1", "capacity": -1}                    | 400 | capacity
            POST   | /tenants                 | {"tenantId": "t1", "capacity": "10"}                  | 400 | capacity
            POST   | /tenants                 | {"tenantId": "v1", "capacity": 10}                    | 400 | tenantId
            POST   | /tenants                 | {"tenantId": "a b", "capacity": 10}                   | 400 | tenantId
            POST   | /tenants                 | {"tenantId": "t1", "name": "LONG", "capacity": 10}    | 400 | name
            POST   | /tenants                 | {"tenantId": "acme", "capacity": 60}                  | 409 | acme
            POST   | /tenants                 | {"tenantId": "0", "capacity": 60}                     | 409 | tenant 0
            PUT    | /tenants/acme            | {"capacity": -1}                                      | 400 | capacity
            PUT    | /tenants/0               | {"capacity": 1}                                       | 400 | default
            PUT    | /tenants/nobody          | {"capacity": 1}                                       | 404 | tenant
            DELETE | /tenants/nobody          | NONE                                                  | 404 | tenant
            DELETE | /tenants/0               | NONE                                                  | 400 | default
            """)
    void answersBadInputAndChangesNothing(String method, String path, String body, int status, String hint) {
        String json = body == null ? null : body.replace("LONG", "a".repeat(10_000)).replace("UNKNOWN", UNKNOWN)
                .replace("SNAP", SNAP).replace("VOL", VOL);
        String target = path.replace("UNKNOWN", UNKNOWN).replace("VOL", VOL).replace("REPLICA", replica);

        Reply reply = api.send(method, target, json == null && method.equals("POST") ? "" : json);

        String description = reply.assertErrorBody(status);
        assertThat(description + " " + reply.errorStatus()).containsIgnoringCase(hint);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }
}
