package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.RawConnection;
import dev.strata.bootstrap.support.RawConnection.Answer;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.bootstrap.support.Tls;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every endpoint shares: the error body for what the framework refuses, request ids, slashes. */
class HttpBehaviourSystemTest {

    @TempDir
    static Path dataDir;

    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertErrorBody(Reply reply, int status, String code) {
        reply.assertErrorBody(status);
        assertThat(reply.errorStatus()).isEqualTo(code);
    }

    @Test
    void answersUnknownPathsWithTheErrorBody() {
        assertErrorBody(api.get("/no/such/path"), 404, "NotExists");
    }

    @Test
    void answersWrongMethodsWithTheErrorBody() {
        Reply reply = api.delete("/info");
        assertErrorBody(reply, 405, "MethodNotAllowed");
        assertThat(reply.header("Allow")).isPresent();
    }

    @Test
    void answersUnacceptableMediaTypesWithJsonAnyway() {
        assertErrorBody(api.withHeader("Accept", "text/html").get("/backends"), 406, "NotAcceptable");
    }

    @Test
    void refusesBodiesThatAreNotJson() {
        Reply reply = api.withHeader("Content-Type", "text/xml").send("POST", "/backends", null);
        assertErrorBody(reply, 415, "UnsupportedMediaType");
    }

    @Test
    void refusesOversizedBodies() {
        String huge = aNode().at("10.9.9.9").named("x".repeat(2 << 20)).json();
        assertErrorBody(api.post("/backends", huge), 413, "PayloadTooLarge");
        assertThat(api.get("/backends").json()).isEmpty();
    }

    @Test
    void acceptsJsonContentTypeOnGetAndDeleteAsClientsSendIt() {
        Api jsonEverywhere = api.withHeader("Content-Type", "application/json");
        assertThat(jsonEverywhere.get("/backends").status()).isEqualTo(200);
        assertThat(jsonEverywhere.delete("/backends/unknown").status()).isEqualTo(404);
    }

    @Test
    void echoesTheRequestIdOrMakesOne() {
        Reply echoed = api.withHeader("X-Request-Id", "client-id-42").get("/healthz");
        assertThat(echoed.header("X-Request-Id")).contains("client-id-42");

        Reply made = api.get("/healthz");
        assertThat(made.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThan(8));

        Reply refused = api.withHeader("X-Request-Id", "bad id\u00e9").get("/no/such");
        assertThat(refused.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain(" "));
        assertThat(refused.json().path("request_id").asText()).isEqualTo(refused.header("X-Request-Id").orElseThrow());
    }

    @Test
    void keepsTheConnectionOpenAfterErrorAnswers() throws Exception {
        String badJson = "{\"mgmtIPs\": [";
        String host = "Host: 127.0.0.1\r\n";
        String admin = "Authorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + TestServer.ADMIN_PASSWORD).getBytes()) + "\r\n";
        List<Answer> responses = RawConnection.exchange(server.baseUri(), Tls.trusting(server.serverCertificate()),
                "POST /backends HTTP/1.1\r\n" + host + admin + "Content-Type: application/json\r\nContent-Length: "
                        + badJson.length() + "\r\n\r\n" + badJson,
                "POST /no/such/path HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                "POST /backends HTTP/1.1\r\n" + host + admin + "Content-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"x\": 1}\n",
                "POST /backends HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                "GET /backends/unknown HTTP/1.1\r\n" + host + admin + "Content-Type: application/json\r\n\r\n",
                "GET /healthz HTTP/1.1\r\n" + host + "\r\n");

        assertThat(responses).hasSize(6);
        assertThat(responses).extracting(Answer::status).containsExactly(400, 404, 400, 401, 404, 200);
        assertThat(responses.get(2).text()).contains("mgmtIPs");
        assertThat(responses.get(3).header("WWW-Authenticate")).isNotBlank();
        assertThat(responses).noneMatch(Answer::saysClose);
    }

    @Test
    void closesTheConnectionOnlyWithConnectionClose() throws Exception {
        List<Answer> responses = RawConnection.exchange(server.baseUri(), Tls.trusting(server.serverCertificate()),
                "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).saysClose()).isTrue();
    }

    @Test
    void acceptsPathsWithOrWithoutATrailingSlash() {
        assertThat(api.get("/backends/").status()).isEqualTo(200);
        assertThat(api.get("/backends").status()).isEqualTo(200);
        assertThat(api.get("/v1/cluster/nodes/").status()).isEqualTo(200);
        assertThat(api.get("/v1/version/").status()).isEqualTo(200);
    }
}
