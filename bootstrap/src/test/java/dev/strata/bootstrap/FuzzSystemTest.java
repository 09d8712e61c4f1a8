package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.CapturedLogs;
import dev.strata.bootstrap.support.InvalidRequests;
import dev.strata.bootstrap.support.InvalidRequests.Invalid;
import dev.strata.bootstrap.support.OpenApiDocument;
import dev.strata.bootstrap.support.OpenApiDocument.Operation;
import dev.strata.bootstrap.support.RawConnection;
import dev.strata.bootstrap.support.RawConnection.Answer;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.bootstrap.support.Tls;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz pass over every operation {@code /openapi.json} lists: requests built to be
 * invalid (types, ranges, encodings, headers, methods, sizes, paths, framing; see
 * {@link InvalidRequests}) against a seeded state, over raw TLS sockets. No answer may be 5xx or
 * 2xx; every answer is the §2 error body as JSON with its X-Request-Id; a connection stays usable
 * unless the answer said {@code Connection: close}; nothing is logged as an unexpected failure; and
 * the state read back at the end is the state seeded.
 *
 * <p>{@code -Dfuzz.seed=N} replays a run (each run prints its seed), {@code -Dfuzz.requests=N} makes
 * it larger than the default, which is sized for CI.
 */
class FuzzSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_REQUESTS = 2_500;

    private static final String VOL = "5f0c6c3e-0000-4000-8000-0000000000f1";
    private static final String ACME_VOL = "5f0c6c3e-0000-4000-8000-0000000000f2";
    private static final String SNAP = "5f0c6c3e-0000-4000-8000-0000000000f3";
    private static final String HOST = "9e8d7c6b-5a49-4837-a625-1403f2e1d0f1";
    private static final String HOST_NQN = "nqn.2014-08.org.nvmexpress:uuid:" + HOST;

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static Api api;
    private static SSLContext tls;
    private static final Map<String, String> PATH_VALUES = new HashMap<>();
    private static Map<String, String> seeded;

    @BeforeAll
    static void startWithState() {
        server = TestServer.start(dataDir);
        api = server.api();
        tls = Tls.trusting(server.serverCertificate());
        created(api.post("/backends", "{\"mgmtIPs\": [\"10.31.0.1\"], \"rack\": \"r1\", \"totalCapacity\": 1000}"));
        created(api.post("/backends", "{\"mgmtIPs\": [\"10.31.0.2\"], \"rack\": \"r2\", \"totalCapacity\": 1000}"));
        created(api.post("/tenants", "{\"tenantId\": \"acme\", \"capacity\": 100}"));
        created(api.post("/volumes", "{\"alias\": \"fuzz-vol\", \"capacity\": 2, \"uuid\": \"" + VOL + "\"}"));
        created(api.post("/acme/volumes", "{\"alias\": \"acme-vol\", \"capacity\": 1, \"uuid\": \"" + ACME_VOL + "\"}"));
        created(api.post("/snapshots", "{\"alias\": \"fuzz-snap\", \"volumeID\": \"" + VOL + "\", \"snapshotID\": \""
                + SNAP + "\"}"));
        ok(api.post("/host_probe", "{\"hostNqn\": \"" + HOST_NQN + "\", \"hostId\": \"" + HOST
                + "\", \"name\": \"compute\", \"duration\": 30}"));
        ok(api.post("/publish", "{\"hostId\": \"" + HOST + "\", \"volId\": \"" + VOL + "\"}"));
        String alice = created(api.post("/v1/users/", "{\"name\": \"alice\", \"password\": \"alice-password\", "
                + "\"roles\": [\"storage\"], \"tenant_id\": \"acme\"}")).path("id").asText();
        created(api.post("/v1/auth/roles/", "{\"name\": \"fuzz-role\", \"description\": \"d\", \"privileges\": []}"));
        String token = created(api.post("/v1/auth/access-tokens/", "{\"user\": {\"auth_id\": \"" + alice + "\"}}"))
                .path("id").asText();
        JsonNode volume = api.get("/volumes/" + VOL).json();
        JsonNode first = volume.isArray() ? volume.get(0) : volume;
        String node = api.get("/backends").json().get(0).path("persistentID").asText();

        PATH_VALUES.put("persistentID", node);
        PATH_VALUES.put("tenantId", "acme");
        PATH_VALUES.put("tenant", "acme");
        PATH_VALUES.put("uuid", VOL);
        PATH_VALUES.put("/hosts/{uuid} uuid", HOST);
        PATH_VALUES.put("volUuid", VOL);
        PATH_VALUES.put("replicaUuid", first.path("location").get(0).path("uuid").asText());
        PATH_VALUES.put("state", "Online");
        PATH_VALUES.put("snapshotID", SNAP);
        PATH_VALUES.put("alias", "fuzz-vol");
        PATH_VALUES.put("id", alice);
        PATH_VALUES.put("/v1/auth/access-tokens/{id} id", token);
        PATH_VALUES.put("/v1/cluster/nodes/{id} id", node);
        PATH_VALUES.put("name", "fuzz-role");
        PATH_VALUES.put("authId", "500");
        seeded = state();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** What the seeded state reads as: every collection and every seeded entity. */
    private static Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/backends", "/tenants", "/tenants/acme", "/volumes", "/acme/volumes",
                "/volumes/" + VOL, "/acme/volumes/" + ACME_VOL, "/snapshots", "/snapshots/" + SNAP, "/hosts",
                "/hosts/" + HOST, "/targets?hostId=" + HOST, "/v1/users/", "/v1/users/" + PATH_VALUES.get("id"),
                "/v1/auth/roles/", "/v1/auth/roles/fuzz-role", "/v1/auth/roles/fuzz-role/members",
                "/v1/auth/access-tokens/", "/v1/cluster/nodes/")) {
            Reply reply = api.get(path);
            assertThat(reply.status()).as(path + " " + reply).isEqualTo(200);
            state.put(path, reply.body());
        }
        return state;
    }

    @Test
    void refusesEveryInvalidRequestWithTheErrorBodyAndChangesNothing() throws IOException {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("FuzzSystemTest: seed " + seed + ", " + requests + " requests (replay with -Dfuzz.seed="
                + seed + " -Dfuzz.requests=" + requests + ")");
        Random random = new Random(seed);

        OpenApiDocument document = new OpenApiDocument(api.get("/openapi.json").json());
        List<Operation> operations = document.operations();
        assertThat(operations).hasSizeGreaterThan(50);
        String bearer = api.anonymous().post("/v1/session/login", "{\"username\": \"admin\", \"password\": \""
                + TestServer.ADMIN_PASSWORD + "\"}").json().path("bearer_token").asText();
        InvalidRequests generator = new InvalidRequests(document, name -> {
            String value = PATH_VALUES.get(name);
            if (value == null && !name.contains(" ")) {
                throw new AssertionError("no seeded value for path parameter " + name);
            }
            return value;
        }, "Bearer " + bearer);

        List<String> failures = new ArrayList<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        try (CapturedLogs logs = new CapturedLogs("dev.strata")) {
            RawConnection connection = new RawConnection(server.baseUri(), tls);
            Invalid previous = null;
            for (int i = 0; i < requests; i++) {
                Operation operation = operations.get(i % operations.size());
                Invalid invalid = generator.make(operation, random);
                byKind.merge(invalid.kind(), 1, Integer::sum);
                Answer answer;
                try {
                    answer = connection.exchange(invalid.bytes());
                } catch (SocketTimeoutException silent) {
                    failures.add("#" + i + " " + operation.key() + " " + invalid.summary() + ": no answer in "
                            + RawConnection.TIMEOUT_MILLIS + " ms");
                    connection.close();
                    connection = new RawConnection(server.baseUri(), tls);
                    previous = null;
                    continue;
                }
                if (answer == null && previous != null) {
                    failures.add("#" + (i - 1) + " " + previous.summary()
                            + ": the connection ended after its answer, which did not say Connection: close");
                    connection.close();
                    connection = new RawConnection(server.baseUri(), tls);
                    answer = connection.exchange(invalid.bytes());
                }
                String problem = problem(answer);
                byStatus.merge(answer == null ? "none" : Integer.toString(answer.status()), 1, Integer::sum);
                if (problem != null) {
                    failures.add("#" + i + " " + operation.key() + " " + invalid.summary() + ": " + problem);
                }
                if (answer == null || answer.saysClose()) {
                    connection.close();
                    connection = new RawConnection(server.baseUri(), tls);
                    previous = null;
                } else {
                    previous = invalid;
                }
            }
            connection.close();
            assertThat(logs.text()).as("unexpected failures logged").doesNotContain("Unexpected failure");
        }
        System.out.println("FuzzSystemTest: seed " + seed + ", answers by status " + byStatus + ", by kind " + byKind
                + ", " + failures.size() + " failures");
        assertThat(failures.subList(0, Math.min(40, failures.size())))
                .as("seed " + seed + ": " + failures.size() + " failures, the first ones").isEmpty();
        assertThat(state()).as("the state read back (seed " + seed + ")").isEqualTo(seeded);
    }

    /** What is wrong with an answer to an invalid request, or {@code null}. */
    private static String problem(Answer answer) {
        if (answer == null) {
            return "no answer";
        }
        if (answer.status() < 400 || answer.status() >= 500) {
            return "HTTP " + answer.status() + " to an invalid request: " + answer;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return "not JSON: " + answer;
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            return "a body that does not parse: " + answer;
        }
        if (body.path("status").asText().isBlank() || !body.path("error_class").asText().endsWith("_error")
                || body.path("description").asText().isBlank()) {
            return "not the error body: " + answer;
        }
        String id = answer.header("X-Request-Id");
        if (id == null || !id.equals(body.path("request_id").asText())) {
            return "request_id is not the X-Request-Id: " + answer;
        }
        return null;
    }
}
