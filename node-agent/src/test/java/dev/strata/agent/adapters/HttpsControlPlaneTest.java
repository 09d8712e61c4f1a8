package dev.strata.agent.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.strata.agent.AgentLoop;
import dev.strata.agent.Backoff;
import dev.strata.agent.model.Desired;
import dev.strata.agent.model.Observed;
import dev.strata.agent.Reconciler;
import dev.strata.agent.ports.ControlPlane.ControlPlaneException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS client against real HTTPS servers made in the test, with a certificate made at run time. */
class HttpsControlPlaneTest {

    static final String DOCUMENT = """
            {"generation": 42, "extra": true,
             "node": {"persistentID": "node-a", "portals": [{"ip": "10.0.0.5", "port": 4420, "transport": "TCP"}],
                      "cntlidMin": 100, "cntlidMax": 199},
             "replicas": [{"uuid": "3f1d6a52-8a0e-4c51-9a51-0c6f1d2b7e01", "volumeId": "vol-1",
                           "sizeBytes": 1048576, "provisioning": "THICK", "blockSize": 512}],
             "retiredReplicas": ["8b2e4c11-5d3f-4e2a-8c1b-2f3e4d5c6b02"],
             "subsystems": [{"nqn": "nqn.2026-11.dev.strata:target:node-a:host-1", "serial": "5a1e9c0d2b3f4a5e6c7d",
                             "hostNqns": ["nqn.2014-08.org.example:host-1"],
                             "namespaces": [{"nsid": 1, "uuid": "3f1d6a52-8a0e-4c51-9a51-0c6f1d2b7e01",
                                             "replica": "3f1d6a52-8a0e-4c51-9a51-0c6f1d2b7e01"}]}]}
            """;

    /** One HTTPS server answering from a script; each request is recorded. */
    static final class Strata {
        final HttpsServer server;
        final ConcurrentLinkedDeque<int[]> statuses = new ConcurrentLinkedDeque<>();
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        final List<String> headers = Collections.synchronizedList(new ArrayList<>());
        volatile int otherwise = 200;

        Strata(SSLContext tls) throws IOException {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/", exchange -> {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                headers.add(exchange.getRequestHeaders().getFirst("Authorization") + " | "
                        + exchange.getRequestHeaders().getFirst("Content-Type"));
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                int[] next = statuses.poll();
                int status = next == null ? otherwise : next[0];
                String body = status == 200 ? (exchange.getRequestMethod().equals("GET") ? DOCUMENT
                        : "{\"status\":\"Success\"}")
                        : "{\"status\":\"Unauthorized\",\"error_class\":\"x\",\"description\":\"token revoked\","
                                + "\"request_id\":\"r\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        URI url() {
            return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @TempDir
    Path temp;

    TestTls tls;
    final List<Strata> servers = new ArrayList<>();

    @BeforeEach
    void certificates() throws Exception {
        tls = new TestTls(temp);
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.server.stop(0));
    }

    Strata strata() throws IOException {
        Strata s = new Strata(tls.server);
        servers.add(s);
        return s;
    }

    static URI nothingListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("https://127.0.0.1:" + socket.getLocalPort());
        }
    }

    HttpsControlPlane client(URI... urls) throws Exception {
        return new HttpsControlPlane(List.of(urls), "node-a", "secret-token", HttpsControlPlane.trusting(tls.caFile));
    }

    @Test
    void readsTheDocumentOfSection8AndFailsOverInOrder() throws Exception {
        Strata second = strata();
        HttpsControlPlane client = client(nothingListening(), second.url());

        Desired desired = client.desired(OptionalLong.of(41), 30);

        assertThat(desired.generation()).isEqualTo(42);
        assertThat(desired.node().cntlidMin()).isEqualTo(100);
        assertThat(desired.node().portals()).containsExactly(new Desired.Portal("10.0.0.5", 4420, "TCP"));
        assertThat(desired.replicas().get(0).provisioning()).isEqualTo(Desired.Provisioning.THICK);
        assertThat(desired.retiredReplicas()).containsExactly("8b2e4c11-5d3f-4e2a-8c1b-2f3e4d5c6b02");
        assertThat(desired.subsystems().get(0).namespaces().get(0).nsid()).isEqualTo(1);
        assertThat(second.requests).containsExactly("GET /v1/agent/nodes/node-a/desired?wait=30&after=41");
        assertThat(second.headers).containsExactly("Bearer secret-token | application/json");
        assertThat(client.current()).isEqualTo(second.url());
    }

    @Test
    void a5xxMovesToTheNextAddress() throws Exception {
        Strata first = strata();
        Strata second = strata();
        first.statuses.add(new int[] {503});
        HttpsControlPlane client = client(first.url(), second.url());

        client.desired(OptionalLong.empty(), 0);

        assertThat(first.requests).hasSize(1);
        assertThat(second.requests).containsExactly("GET /v1/agent/nodes/node-a/desired?wait=0");
    }

    @Test
    void reportsTheExactJsonOfSection8() throws Exception {
        Strata strata = strata();
        Observed report = new Observed(42, "0.1.0", 10, 1000, 400,
                List.of(new Observed.ReplicaReport("r1", Observed.ReplicaState.Available, 1048576, null),
                        new Observed.ReplicaReport("r2", Observed.ReplicaState.Failed, 0, "disk gone")),
                List.of(new Observed.SubsystemReport("nqn.2026-11.dev.strata:t", Observed.SubsystemState.Applied, null)),
                List.of("old.img"));

        client(strata.url()).observed(report);

        assertThat(strata.requests).containsExactly("PUT /v1/agent/nodes/node-a/observed");
        assertThat(strata.bodies.get(0)).isEqualTo("{\"generation\":42,\"agentVersion\":\"0.1.0\",\"intervalSeconds\":10,"
                + "\"totalCapacity\":1000,\"freeCapacity\":400,"
                + "\"replicas\":[{\"uuid\":\"r1\",\"state\":\"Available\",\"sizeBytes\":1048576},"
                + "{\"uuid\":\"r2\",\"state\":\"Failed\",\"sizeBytes\":0,\"message\":\"disk gone\"}],"
                + "\"subsystems\":[{\"nqn\":\"nqn.2026-11.dev.strata:t\",\"state\":\"Applied\"}],"
                + "\"orphans\":[\"old.img\"]}");
        assertThat(strata.headers).containsExactly("Bearer secret-token | application/json");
    }

    @Test
    void a401IsFinalAndNoOtherAddressIsTried() throws Exception {
        Strata first = strata();
        Strata second = strata();
        first.otherwise = 401;

        assertThatThrownBy(() -> client(first.url(), second.url()).desired(OptionalLong.empty(), 0))
                .isInstanceOfSatisfying(ControlPlaneException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlPlaneException.Kind.REFUSED))
                .hasMessageContaining("401").hasMessageContaining("token revoked").hasMessageNotContaining("secret-token");
        assertThat(second.requests).isEmpty();
    }

    @Test
    void aServerNotSignedByTheCaIsUnreachable() throws Exception {
        Strata strata = strata();
        HttpsControlPlane untrusting = new HttpsControlPlane(List.of(strata.url()), "node-a", "t",
                HttpsControlPlane.systemDefault());
        assertThatThrownBy(() -> untrusting.desired(OptionalLong.empty(), 0))
                .isInstanceOfSatisfying(ControlPlaneException.class,
                        e -> assertThat(e.kind()).isEqualTo(ControlPlaneException.Kind.UNREACHABLE));
        HttpsControlPlane insecure = new HttpsControlPlane(List.of(strata.url()), "node-a", "t",
                HttpsControlPlane.insecure());
        assertThat(insecure.desired(OptionalLong.empty(), 0).generation()).isEqualTo(42);
    }

    @Test
    void theLoopBacksOffWithJitterWhileStrataFailsThenStopsOnA401KeepingWhatIsConfigured() throws Exception {
        Strata strata = strata();
        strata.statuses.add(new int[] {200});
        strata.statuses.add(new int[] {200});
        for (int i = 0; i < 4; i++) {
            strata.statuses.add(new int[] {503});
        }
        strata.otherwise = 401;
        Path pool = Files.createDirectories(temp.resolve("pool"));
        Path nvmet = Files.createDirectories(temp.resolve("nvmet"));
        Reconciler reconciler = new Reconciler(new FilePool(pool), new ConfigfsTarget(FileConfigfsTree.open(nvmet)),
                "test", 10);
        List<Duration> sleeps = new ArrayList<>();
        AtomicInteger passes = new AtomicInteger();
        AgentLoop loop = new AgentLoop(client(strata.url()), reconciler, sleeps::add,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), new Random(7)), 10);

        AgentLoop.Outcome outcome = loop.run(() -> passes.incrementAndGet() < 100);

        assertThat(outcome).isEqualTo(AgentLoop.Outcome.REFUSED);
        // each pass with a 503 (the fetch, or the report of the last document) sleeps once, longer each time
        assertThat(sleeps).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < sleeps.size(); i++) {
            long full = Math.min(10_000, 1000L << i);
            assertThat(sleeps.get(i).toMillis()).as("sleep %d", i).isBetween(full / 2, full);
        }
        assertThat(nvmet.resolve("subsystems/nqn.2026-11.dev.strata:target:node-a:host-1/namespaces/1/enable"))
                .as("a revoked token tears nothing down").hasContent("1\n");
        assertThat(pool.resolve("3f1d6a52-8a0e-4c51-9a51-0c6f1d2b7e01.img")).hasSize(1048576);
        assertThat(strata.requests.get(0)).isEqualTo("GET /v1/agent/nodes/node-a/desired?wait=0");
        assertThat(strata.requests.get(2)).isEqualTo("GET /v1/agent/nodes/node-a/desired?wait=10&after=42");
    }
}
