package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.RawConnection;
import dev.strata.bootstrap.support.RawConnection.Answer;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.bootstrap.support.Tls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes of hostile input issue 12 found below the use cases, one example each, over raw
 * TLS sockets: each answer is a 4xx with the §2 body as JSON and an X-Request-Id, the connection
 * stays usable unless the answer says {@code Connection: close}, and nothing changes.
 * {@link FuzzSystemTest} generates many more of each class.
 */
class HostileInputSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE_TENANT = "acme";

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static Api api;
    private static SSLContext tls;
    private static String authorization;
    private static String alice;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        api = server.api();
        tls = Tls.trusting(server.serverCertificate());
        authorization = "Authorization: Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + TestServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
        assertThat(api.post("/backends", "{\"mgmtIPs\": [\"10.12.0.1\"], \"totalCapacity\": 100}").status())
                .isEqualTo(201);
        assertThat(api.post("/tenants", "{\"tenantId\": \"" + ALICE_TENANT + "\", \"capacity\": 10}").status())
                .isEqualTo(201);
        Reply created = api.post("/v1/users/", "{\"name\": \"alice\", \"password\": \"alice-password\", "
                + "\"roles\": [\"storage\"], \"tenant_id\": \"" + ALICE_TENANT + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        alice = created.json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] request(String method, String target, String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = method + " " + target + " HTTP/1.1\r\nHost: strata\r\n" + authorization + headers
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends one request on a new connection; asserts the §2 answer and the connection's fate. */
    private static JsonNode refused(byte[] request, int status) throws IOException {
        try (RawConnection connection = new RawConnection(server.baseUri(), tls)) {
            Answer answer = connection.exchange(request);
            assertThat(answer).as("an answer").isNotNull();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
            assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/json");
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("status").asText()).isNotBlank();
            assertThat(body.path("error_class").asText()).endsWith("_error");
            assertThat(body.path("description").asText()).isNotBlank();
            assertThat(answer.header("X-Request-Id")).isNotBlank().isEqualTo(body.path("request_id").asText());
            if (!answer.saysClose()) {
                assertThat(connection.usable()).as("the connection serves on after " + answer).isTrue();
            }
            return body;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/volumes/%zz", "/info?x=%zz", "/volumes/%C0%AF", "/volumes/%ED%A0%80", "/volumes/a%2",
            "/volumes/{x}", "/info?x=%E2%82"})
    void refusesMalformedEscapesInTheUrl(String target) throws IOException {
        assertThat(refused(request("GET", target, "", null), 400).path("status").asText()).isEqualTo("InvalidInput");
    }

    @ParameterizedTest
    @ValueSource(strings = {"???", "application/json; charset", "/json", "application/json; charset=latin1",
            "application/json\r\nContent-Type: application/json"})
    void refusesMalformedOrRepeatedContentTypes(String type) throws IOException {
        refused(request("POST", "/backends", "Content-Type: " + type + "\r\n",
                json("{\"mgmtIPs\": [\"10.12.9.9\"]}")), 400);
        assertThat(api.get("/backends").json()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"???", "text/html;q=x", "/"})
    void refusesMalformedAccept(String accept) throws IOException {
        refused(request("GET", "/backends", "Accept: " + accept + "\r\n", null), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /backends", "DELETE /backends/unknown"})
    void refusesABodyOnMethodsThatTakeNone(String call) throws IOException {
        String[] parts = call.split(" ");
        assertThat(refused(request(parts[0], parts[1], "Content-Type: application/json\r\n", json("{}")), 400)
                .path("description").asText()).contains("no request body");
    }

    @ParameterizedTest
    @ValueSource(ints = {9_000, 20_000, 70_000, 70_000, 70_000})
    void answersHeadersOverTheLimitAndSaysItCloses(int size) throws IOException {
        try (RawConnection connection = new RawConnection(server.baseUri(), tls)) {
            Answer answer = connection.exchange(request("GET", "/backends", "X-Big: " + "a".repeat(size) + "\r\n",
                    null));
            assertThat(answer).as("an answer to " + size + " bytes of header").isNotNull();
            assertThat(answer.status()).isEqualTo(431);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.saysClose()).isTrue();
            assertThat(JSON.readTree(answer.body()).path("request_id").asText())
                    .isEqualTo(answer.header("X-Request-Id"));
        }
    }

    @Test
    void answersARequestLineOverTheLimitAndSaysItCloses() throws IOException {
        try (RawConnection connection = new RawConnection(server.baseUri(), tls)) {
            Answer answer = connection.exchange(request("GET", "/backends?x=" + "a".repeat(10_000), "", null));
            assertThat(answer).isNotNull();
            assertThat(answer.status()).isEqualTo(414);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.saysClose()).isTrue();
        }
    }

    @Test
    void refusesAnExpirationTimeOutsideRfc3339() throws IOException {
        String before = api.get("/v1/auth/access-tokens/").body();
        for (String time : new String[] {"+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2027-1-1T00:00:00Z",
                "2027-01-01 00:00:00Z", "2027-01-01T00:00:00"}) {
            refused(request("POST", "/v1/auth/access-tokens/", "Content-Type: application/json\r\n",
                    json("{\"user\": {\"auth_id\": \"500\"}, \"expiration_time\": \"" + time + "\"}")), 400);
        }
        assertThat(api.get("/v1/auth/access-tokens/").body()).isEqualTo(before);
    }

    @Test
    void refusesAPasswordWithALoneSurrogate() throws IOException {
        refused(request("POST", "/v1/users/", "Content-Type: application/json\r\n",
                json("{\"name\": \"bob\", \"password\": \"pass\\ud800word\"}")), 400);
        refused(request("POST", "/v1/users/" + alice + "/setpassword", "Content-Type: application/json\r\n",
                json("{\"new_password\": \"pass\\udc00word-\"}")), 400);
        assertThat(api.get("/v1/users/").body()).doesNotContain("bob");
        assertThat(server.anonymous().withBasic("alice", "alice-password").get("/v1/session/who-am-i").status())
                .isEqualTo(200);
    }

    @Test
    void refusesInvalidUtf8AnywhereInABody() throws IOException {
        byte[][] bodies = {
            {'{', '"', 'a', 'l', 'i', 'a', 's', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"', ',',
                '"', 'c', 'a', 'p', 'a', 'c', 'i', 't', 'y', '"', ':', '1', '}'},
            {'{', '"', 'a', 'l', 'i', 'a', 's', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ',',
                '"', 'c', 'a', 'p', 'a', 'c', 'i', 't', 'y', '"', ':', '1', '}'},
            {'{', '"', 'a', 'l', 'i', 'a', 's', '"', ':', '"', 'x', '"', ',', '"', 'c', 'a', 'p', 'a', 'c', 'i',
                't', 'y', '"', ':', '1', ',', '"', 'z', '"', ':', '"', (byte) 0xE2, (byte) 0x82},
            {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
        };
        String before = api.get("/volumes").body();
        for (byte[] body : bodies) {
            refused(request("POST", "/volumes", "Content-Type: application/json\r\n", body), 400);
        }
        assertThat(api.get("/volumes").body()).isEqualTo(before).doesNotContain("a/b");
    }

    @Test
    void comparesIfMatchStrongly() throws IOException {
        Reply created = api.post("/v1/auth/roles/", "{\"name\": \"etag-role\", \"description\": \"before\", "
                + "\"privileges\": []}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String tag = api.get("/v1/auth/roles/etag-role").header("ETag").orElseThrow();
        assertThat(tag).startsWith("\"");
        for (String weak : new String[] {"W/" + tag, tag.replace("\"", ""), tag + ", W/" + tag}) {
            refused(request("PATCH", "/v1/auth/roles/etag-role", "Content-Type: application/json\r\nIf-Match: "
                    + weak + "\r\n", json("{\"description\": \"after\"}")), 412);
        }
        assertThat(api.get("/v1/auth/roles/etag-role").json().path("description").asText()).isEqualTo("before");
        assertThat(api.withHeader("If-Match", tag).patch("/v1/auth/roles/etag-role", "{\"description\": \"after\"}")
                .status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\\t", "\\u3000", "\\u2028", "  acme", "acme "})
    void neverUnbindsAUserForABlankTenantId(String blank) throws IOException {
        refused(request("PUT", "/v1/users/" + alice, "Content-Type: application/json\r\n",
                json("{\"tenant_id\": \"" + blank + "\"}")), 400);
        refused(request("POST", "/v1/users/", "Content-Type: application/json\r\n",
                json("{\"name\": \"carol\", \"password\": \"carol-password\", \"tenant_id\": \"" + blank + "\"}")),
                400);
        assertThat(api.get("/v1/users/" + alice).json().path("tenant_id").asText()).isEqualTo(ALICE_TENANT);
        assertThat(api.get("/v1/users/").body()).doesNotContain("carol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", " ", "\n null \n"})
    void refusesABodyThatReadsAsNothingWhereABodyIsOptional(String body) throws IOException {
        String volume = "5f0c6c3e-0000-4000-8000-0000000000e1";
        if (api.get("/volumes/" + volume).status() == 404) {
            assertThat(api.post("/volumes", "{\"alias\": \"nulls\", \"capacity\": 1, \"uuid\": \"" + volume + "\"}")
                    .status()).isEqualTo(201);
        }
        String before = api.get("/volumes/" + volume).body();
        refused(request("POST", "/replica/" + volume, "Content-Type: application/json\r\n", json(body)), 400);
        assertThat(api.get("/volumes/" + volume).body()).isEqualTo(before);
    }
}
