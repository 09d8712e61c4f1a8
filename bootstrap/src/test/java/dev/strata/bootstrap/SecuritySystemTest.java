package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.cli.Main;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestCertificates;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.bootstrap.support.Tls;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Security as an operator and a client see it, over HTTPS. */
class SecuritySystemTest {

    @TempDir
    Path dir;

    private TestServer server;
    private Api admin;

    @BeforeEach
    void start() {
        server = TestServer.start(dir.resolve("data"));
        admin = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String login(String user, String password) {
        Reply reply = server.anonymous().post("/v1/session/login",
                "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().path("bearer_token").asText();
    }

    private String createUser(String name, String password, String role) {
        Reply reply = admin.post("/v1/users/", "{\"name\": \"" + name + "\", \"password\": \"" + password
                + "\", \"roles\": [\"" + role + "\"]}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    /** Runs {@code strata …} in this JVM and returns what it printed. */
    private static String strata(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).as("exit code of strata " + String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSeedExamplesWorkAsWritten() {
        TestCertificates.Issued client = TestCertificates.selfSignedClient(dir, "client");
        Api withCertificate = new Api(server.baseUri(), Tls.trustingWithClientCertificate(server.serverCertificate(),
                client.certificateFile(), client.keyFile()));

        // curl -u admin:'test123!!' -k --cert client.pem https://127.0.0.1:8090/v1/users/
        Reply users = withCertificate.withBasic("admin", "test123!!").get("/v1/users/");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().get(0).path("name").asText()).isEqualTo("admin");
        assertThat(users.json().get(0).path("id").asText()).isEqualTo("500");

        // strata generate-token --url … --name admin --password … --expiration -1
        String printed = strata("generate-token", "--url", server.baseUri().toString(), "--name", "admin",
                "--password", "test123!!", "--expiration", "-1", "--cacert", server.serverCertificate().toString());
        assertThat(printed).startsWith("Token: access-v1:");
        String token = printed.strip().substring("Token: ".length());

        // curl -H "Authorization: Bearer $TOKEN" -k --cert client.pem https://127.0.0.1:8090/backends
        assertThat(withCertificate.withBearer(token).get("/backends").status()).isEqualTo(200);

        // curl -k -X POST …/v1/session/login -H "Content-Type: application/json" -d '{"username":"admin",…}'
        Reply login = withCertificate.post("/v1/session/login",
                "{\"username\":\"admin\",\"password\":\"test123!!\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().fieldNames()).toIterable().containsExactly("bearer_token");
        String session = login.json().path("bearer_token").asText();
        assertThat(session).startsWith("session-v1:");

        Api viaSession = server.anonymous().withBearer(session);
        assertThat(viaSession.get("/v1/cluster/nodes/").status()).isEqualTo(200);
        server.clock().advance(Duration.ofHours(10).minusSeconds(1));
        assertThat(viaSession.get("/v1/session/who-am-i").status()).isEqualTo(200);
        server.clock().advance(Duration.ofSeconds(1));
        assertThat(viaSession.get("/v1/session/who-am-i").status()).isEqualTo(401);
        assertThat(server.anonymous().withBearer(token).get("/backends").status())
                .as("a token that never expires outlives the session").isEqualTo(200);
    }

    @Test
    void generateTokenExpiresWhenAskedAndSaysWhyItFails() {
        String printed = strata("generate-token", "--url", server.baseUri().toString(), "--name", "admin",
                "--password", "test123!!", "--expiration", "3600", "--insecure");
        String token = printed.strip().substring("Token: ".length());
        JsonNode listed = admin.get("/v1/auth/access-tokens/?user=admin").json().path("entries");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("expiration_time").asText()).isNotEmpty();
        assertThat(server.anonymous().withBearer(token).get("/v1/session/who-am-i").json().path("access_token_id")
                .asText()).isEqualTo(listed.get(0).path("id").asText());

        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("generate-token", "--url", server.baseUri().toString(), "--name", "admin",
                    "--password", "wrong-password", "--expiration", "-1", "--insecure")).isNotZero();
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 401").contains("bad credentials")
                .doesNotContain("wrong-password");
    }

    @Test
    void revocationTakesEffectOnTheVeryNextRequest() {
        String userId = createUser("rita", "rita-password", "storage");
        Api rita = server.anonymous().withBasic("rita", "rita-password");
        String tokenA = rita.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"rita\"}}").json()
                .path("bearer_token").asText();
        JsonNode tokens = rita.get("/v1/auth/access-tokens/").json().path("entries");
        String tokenAId = tokens.get(0).path("id").asText();
        Api viaTokenA = server.anonymous().withBearer(tokenA);
        assertThat(viaTokenA.get("/backends").status()).isEqualTo(200);

        rita.patch("/v1/auth/access-tokens/" + tokenAId, "{\"enabled\": false}");
        assertThat(viaTokenA.get("/backends").status()).as("disabled token").isEqualTo(401);
        rita.patch("/v1/auth/access-tokens/" + tokenAId, "{\"enabled\": true}");
        assertThat(viaTokenA.get("/backends").status()).isEqualTo(200);
        rita.delete("/v1/auth/access-tokens/" + tokenAId);
        assertThat(viaTokenA.get("/backends").status()).as("deleted token").isEqualTo(401);

        Api session = server.anonymous().withBearer(login("rita", "rita-password"));
        assertThat(session.post("/v1/session/logout", null).status()).isEqualTo(200);
        assertThat(session.get("/backends").status()).as("logged-out session").isEqualTo(401);

        Api one = server.anonymous().withBearer(login("rita", "rita-password"));
        Api two = server.anonymous().withBearer(login("rita", "rita-password"));
        assertThat(one.post("/v1/session/change-password",
                "{\"old_password\": \"rita-password\", \"new_password\": \"rita-password-2\"}").status()).isEqualTo(200);
        assertThat(one.get("/backends").status()).as("own session after a password change").isEqualTo(401);
        assertThat(two.get("/backends").status()).as("other session after a password change").isEqualTo(401);
        assertThat(rita.get("/backends").status()).as("the old password").isEqualTo(401);

        Api three = server.anonymous().withBearer(login("rita", "rita-password-2"));
        admin.post("/v1/users/" + userId + "/setpassword", "{\"new_password\": \"rita-password-3\"}");
        assertThat(three.get("/backends").status()).as("session after a reset").isEqualTo(401);

        Api four = server.anonymous().withBearer(login("rita", "rita-password-3"));
        Api basic = server.anonymous().withBasic("rita", "rita-password-3");
        assertThat(basic.get("/backends").status()).isEqualTo(200);
        admin.put("/v1/users/" + userId, "{\"enabled\": false}");
        assertThat(four.get("/backends").status()).as("session of a disabled user").isEqualTo(401);
        assertThat(basic.get("/backends").status()).as("remembered Basic of a disabled user").isEqualTo(401);
    }

    @Test
    void locksAnAccountAfterFiveFailuresWithRetryAfter() {
        createUser("lou", "lou-password", "monitor");
        Api wrong = server.anonymous().withBasic("lou", "not-it");
        for (int i = 0; i < 5; i++) {
            Reply refused = wrong.get("/backends");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("description").asText()).isEqualTo("bad credentials");
        }

        Reply locked = server.anonymous().withBasic("lou", "lou-password").get("/backends");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.errorStatus()).isEqualTo("TooManyAttempts");
        assertThat(locked.header("Retry-After")).contains("900");
        Reply viaLogin = server.anonymous().post("/v1/session/login",
                "{\"username\": \"lou\", \"password\": \"lou-password\"}");
        assertThat(viaLogin.status()).isEqualTo(429);
        server.clock().advance(Duration.ofMinutes(15));
        assertThat(server.anonymous().withBasic("lou", "lou-password").get("/backends").status()).isEqualTo(200);
    }

    @Test
    void keepsNoPasswordOrTokenInClearInTheDatabase() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(TestServer.ADMIN_PASSWORD, "sam-first-password",
                "sam-second-password"));
        createUser("sam", "sam-first-password", "monitor");
        Api sam = server.anonymous().withBasic("sam", "sam-first-password");
        String access = sam.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"sam\"}}").json()
                .path("bearer_token").asText();
        String session = login("sam", "sam-first-password");
        server.anonymous().withBearer(session).post("/v1/session/change-password",
                "{\"old_password\": \"sam-first-password\", \"new_password\": \"sam-second-password\"}");
        String later = login("sam", "sam-second-password");
        for (String token : List.of(access, session, later)) {
            secrets.add(token);
            secrets.add(token.substring(token.indexOf(':') + 1));
        }
        server.close();

        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(content).as(file.getFileName() + " holds a secret in clear").doesNotContain(secret);
                }
            }
        }
        server = TestServer.start(dir.resolve("data"));
    }

    @Test
    void noLogLineHoldsAPasswordATokenOrAnAuthorizationHeader() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger %mdc %msg %ex%n");
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        List<String> secrets = new ArrayList<>();
        try {
            String basicHeader = java.util.Base64.getEncoder()
                    .encodeToString(("admin:" + TestServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            secrets.add(TestServer.ADMIN_PASSWORD);
            secrets.add(basicHeader);
            createUser("tess", "tess-password-1", "storage");
            secrets.add("tess-password-1");
            server.anonymous().withBasic("tess", "tess-wrong-pw").get("/backends");
            secrets.add("tess-wrong-pw");
            server.anonymous().post("/v1/session/login", "{\"username\": \"tess\", \"password\": \"tess-wrong-2\"}");
            secrets.add("tess-wrong-2");
            String session = login("tess", "tess-password-1");
            secrets.add(session);
            Api viaSession = server.anonymous().withBearer(session);
            viaSession.get("/v1/session/who-am-i");
            String token = viaSession.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"tess\"}}").json()
                    .path("bearer_token").asText();
            secrets.add(token);
            server.anonymous().withBearer(token).get("/backends");
            server.anonymous().withBearer(token + "x").get("/backends");
            server.anonymous().withHeader("Authorization", "Bearer access-v1:forged-secret-value").get("/info");
            secrets.add("forged-secret-value");
            viaSession.post("/v1/session/change-password",
                    "{\"old_password\": \"tess-password-1\", \"new_password\": \"tess-password-2\"}");
            secrets.add("tess-password-2");
            admin.post("/v1/users/", "{\"name\": \"x\", \"password\": \"short\"}");
            secrets.add("short\"");
            viaSession.post("/v1/session/logout", null);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
            appender.stop();
        }

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the test saw the server's logging at all").isNotEmpty();
        for (String secret : secrets) {
            assertThat(logs).as("logs hold a secret").doesNotContain(secret);
        }
        assertThat(logs).doesNotContainIgnoringCase("Authorization:").doesNotContain("Basic ");
    }
}
