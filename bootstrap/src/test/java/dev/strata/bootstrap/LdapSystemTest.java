package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.auth.LdapConfig;
import dev.strata.adapters.auth.TestDirectory;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.CapturedLogs;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestCertificates;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.domain.access.RoleMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Mode LDAP over HTTPS, against a real LDAP server over a socket. */
class LdapSystemTest {

    private static final String ROLE_MAP = TestDirectory.ROLE_MAP + ",strata-admins=admin";

    static LdapConfig template(String url, boolean startTls, Optional<Path> caFile) {
        return LdapConfig.of(url, startTls, caFile, Optional.of(TestDirectory.USER_DN_TEMPLATE), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(TestDirectory.GROUPS),
                Optional.empty(), RoleMap.parse(ROLE_MAP));
    }

    private static String login(TestServer server, String user, String password) {
        Reply reply = server.anonymous().post("/v1/session/login",
                "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().path("bearer_token").asText();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** One directory and one server for the cases that leave both running. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DnTemplate {

        private TestDirectory directory;
        private TestServer server;

        @BeforeAll
        void start(@TempDir Path dir) throws Exception {
            directory = TestDirectory.plain();
            directory.person("ada", "ada-password");
            directory.person("lou", "lou-password");
            directory.group("strata-admins", "ada");
            server = TestServer.start(dir.resolve("data"), s -> s.withLdap(template(directory.url(), false,
                    Optional.empty())));
        }

        @AfterAll
        void stop() {
            server.close();
            directory.close();
        }

        @Test
        void showsTheModeInInfo() {
            assertThat(server.anonymous().get("/info").json().path("authenticationMode").asText()).isEqualTo("LDAP");
        }

        @Test
        void whoAmIShowsTheRolesOfTheUsersGroupsAndTheyDecideWhatIsAllowed() {
            Api dora = server.anonymous().withBasic("dora", "dora-password");
            JsonNode me = dora.get("/v1/session/who-am-i").json();
            assertThat(me.path("id").asText()).isEmpty();
            assertThat(me.path("name").asText()).isEqualTo("dora");
            assertThat(texts(me.path("roles"))).containsExactly("monitor", "storage");
            assertThat(texts(me.path("privileges"))).contains("PRIVILEGE_VOLUME_WRITE")
                    .doesNotContain("PRIVILEGE_LOCAL_USER_READ");
            assertThat(me.path("can_change_password").asBoolean()).isFalse();
            assertThat(me.path("tenant_id").isNull()).isTrue();
            assertThat(dora.get("/backends").status()).isEqualTo(200);
            assertThat(dora.get("/v1/users/").status()).isEqualTo(403);

            Api sam = server.anonymous().withBasic("sam", "sam-password");
            assertThat(texts(sam.get("/v1/session/who-am-i").json().path("roles"))).containsExactly("monitor");
            assertThat(sam.get("/backends").status()).isEqualTo(200);
            assertThat(sam.post("/backends", aNode().at("10.9.0.1").json()).status()).isEqualTo(403);

            Api nora = server.anonymous().withBasic("nora", "nora-password");
            assertThat(texts(nora.get("/v1/session/who-am-i").json().path("roles"))).isEmpty();
            assertThat(nora.get("/backends").status()).isEqualTo(403);
        }

        @Test
        void refusesAWrongPasswordAndAnUnknownUserAlike() {
            for (Api caller : List.of(server.anonymous().withBasic("dora", "sam-password"),
                    server.anonymous().withBasic("nobody", "dora-password"))) {
                Reply refused = caller.get("/v1/session/who-am-i");
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.json().path("description").asText()).isEqualTo("bad credentials");
            }
            Reply login = server.anonymous().post("/v1/session/login",
                    "{\"username\": \"dora\", \"password\": \"wrong\"}");
            assertThat(login.status()).isEqualTo(401);
        }

        @Test
        void logsInWithoutCopyingTheUserAndLogsOut() {
            String token = login(server, "sam", "sam-password");
            assertThat(token).startsWith("session-v1:");
            Api session = server.anonymous().withBearer(token);
            JsonNode me = session.get("/v1/session/who-am-i").json();
            assertThat(me.path("name").asText()).isEqualTo("sam");
            assertThat(texts(me.path("roles"))).containsExactly("monitor");

            JsonNode users = server.anonymous().withBasic("ada", "ada-password").get("/v1/users/").json();
            assertThat(users).extracting(user -> user.path("name").asText()).containsExactly("admin");

            assertThat(session.post("/v1/session/logout", null).status()).isEqualTo(200);
            assertThat(session.get("/v1/session/who-am-i").status()).isEqualTo(401);
        }

        @Test
        void locksAnAccountAfterFiveFailures() {
            Api wrong = server.anonymous().withBasic("lou", "not-it");
            for (int i = 0; i < 5; i++) {
                assertThat(wrong.get("/backends").status()).isEqualTo(401);
            }
            Reply locked = server.anonymous().withBasic("lou", "lou-password").get("/v1/session/who-am-i");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.header("Retry-After")).contains("900");
            server.clock().advance(Duration.ofMinutes(15));
            assertThat(server.anonymous().withBasic("lou", "lou-password").get("/v1/session/who-am-i").status())
                    .isEqualTo(200);
        }

        @Test
        void keepsLocalAccessTokensWorkingForServiceAccounts() {
            Api ada = server.anonymous().withBasic("ada", "ada-password");
            assertThat(ada.post("/v1/users/", "{\"name\": \"cinder\", \"password\": \"cinder-password\","
                    + " \"roles\": [\"storage\"]}").status()).isEqualTo(201);
            Reply issued = ada.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"cinder\"}}");
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);

            Api cinder = server.anonymous().withBearer(issued.json().path("bearer_token").asText());
            assertThat(cinder.get("/backends").status()).isEqualTo(200);
            assertThat(cinder.get("/v1/session/who-am-i").json().path("name").asText()).isEqualTo("cinder");
            assertThat(server.anonymous().withBasic("cinder", "cinder-password").get("/backends").status())
                    .as("local passwords are not checked in LDAP mode").isEqualTo(401);
            assertThat(server.api().get("/backends").status()).as("nor is admin's").isEqualTo(401);
        }
    }

    @Test
    void findsUsersBySearchingAsAServiceAccountAndLogsNoPassword(@TempDir Path dir) {
        try (TestDirectory directory = TestDirectory.plain();
             CapturedLogs logs = new CapturedLogs("dev.strata", "com.unboundid")) {
            LdapConfig search = LdapConfig.of(directory.url(), false, Optional.empty(), Optional.empty(),
                    Optional.of(TestDirectory.PEOPLE), Optional.of("(uid={0})"), Optional.of(TestDirectory.SERVICE_DN),
                    Optional.of(TestDirectory.SERVICE_PASSWORD), Optional.of(TestDirectory.GROUPS),
                    Optional.of("(member={dn})"), RoleMap.parse(ROLE_MAP));
            String session;
            try (TestServer server = TestServer.start(dir, s -> s.withLdap(search))) {
                JsonNode me = server.anonymous().withBasic("dora", "dora-password").get("/v1/session/who-am-i").json();
                assertThat(texts(me.path("roles"))).containsExactly("monitor", "storage");
                assertThat(server.anonymous().withBasic("dora", "wrong-dora-pw").get("/backends").status())
                        .isEqualTo(401);
                session = login(server, "sam", "sam-password");
                server.anonymous().withBearer(session).get("/v1/session/who-am-i");
                directory.stop();
                server.anonymous().withBasic("nora", "nora-password").get("/backends");
            }
            assertThat(logs.text()).as("the server logged at all").contains("LDAP");
            for (String secret : List.of(TestDirectory.SERVICE_PASSWORD, "dora-password", "wrong-dora-pw",
                    "sam-password", "nora-password", session, session.substring("session-v1:".length()))) {
                assertThat(logs.text()).doesNotContain(secret);
            }
        }
    }

    @Test
    void answers503WhenTheDirectoryStopsAndKeepsSessionsItAlreadyOpened(@TempDir Path dir) {
        TestDirectory directory = TestDirectory.plain();
        try (TestServer server = TestServer.start(dir, s -> s.withLdap(template(directory.url(), false,
                Optional.empty())))) {
            Api dora = server.anonymous().withBasic("dora", "dora-password");
            assertThat(dora.get("/backends").status()).isEqualTo(200);
            Api session = server.anonymous().withBearer(login(server, "sam", "sam-password"));

            directory.stop();

            Reply basic = server.anonymous().withBasic("sam", "sam-password").get("/backends");
            assertThat(basic.status()).as(basic.toString()).isEqualTo(503);
            assertThat(basic.errorStatus()).isEqualTo("AuthenticationUnavailable");
            assertThat(basic.json().path("error_class").asText()).isEqualTo("authentication_unavailable_error");
            Reply login = server.anonymous().post("/v1/session/login",
                    "{\"username\": \"dora\", \"password\": \"dora-password\"}");
            assertThat(login.status()).isEqualTo(503);
            assertThat(login.errorStatus()).isEqualTo("AuthenticationUnavailable");
            for (int i = 0; i < 6; i++) {
                assertThat(server.anonymous().withBasic("nora", "nora-password").get("/backends").status())
                        .as("an unreachable directory locks nobody out").isEqualTo(503);
            }
            assertThat(session.get("/v1/session/who-am-i").status()).as("a session needs no directory")
                    .isEqualTo(200);
            assertThat(server.anonymous().get("/info").status()).as("public endpoints still answer").isEqualTo(200);
        } finally {
            directory.close();
        }
    }

    @Test
    void speaksLdapsAndStartTlsCheckingTheDirectorysCertificate(@TempDir Path dir) {
        TestCertificates.Issued ca = TestCertificates.certificateAuthority(dir, "directory-ca");
        TestCertificates.Issued cert = TestCertificates.serverSignedBy(ca, dir, "directory");
        TestCertificates.Issued otherCa = TestCertificates.certificateAuthority(dir, "other-ca");
        try (TestDirectory ldaps = TestDirectory.ldaps(TestCertificates.serverContext(cert));
             TestDirectory startTls = TestDirectory.startTls(TestCertificates.serverContext(cert))) {
            assertThat(ldaps.url()).startsWith("ldaps://");
            String startTlsUrl = startTls.url();
            List<LdapConfig> trusting = List.of(template(ldaps.url(), false, Optional.of(ca.certificateFile())),
                    template(startTlsUrl, true, Optional.of(ca.certificateFile())));
            List<LdapConfig> distrusting = List.of(template(ldaps.url(), false, Optional.of(otherCa.certificateFile())),
                    template(startTlsUrl, true, Optional.of(otherCa.certificateFile())));
            int n = 0;
            for (LdapConfig config : trusting) {
                try (TestServer server = TestServer.start(dir.resolve("ok-" + n++), s -> s.withLdap(config))) {
                    JsonNode me = server.anonymous().withBasic("dora", "dora-password").get("/v1/session/who-am-i")
                            .json();
                    assertThat(texts(me.path("roles"))).as(config.address()).containsExactly("monitor", "storage");
                }
            }
            for (LdapConfig config : distrusting) {
                try (TestServer server = TestServer.start(dir.resolve("no-" + n++), s -> s.withLdap(config))) {
                    Reply refused = server.anonymous().withBasic("dora", "dora-password").get("/v1/session/who-am-i");
                    assertThat(refused.status()).as(config.address() + " with another CA").isEqualTo(503);
                }
            }
        }
    }
}
