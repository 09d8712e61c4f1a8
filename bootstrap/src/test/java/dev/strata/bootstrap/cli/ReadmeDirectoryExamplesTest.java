package dev.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.auth.TestDirectory;
import dev.strata.application.fake.MutableClock;
import dev.strata.bootstrap.ServerSettings;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestCertificates;
import dev.strata.bootstrap.support.TestServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's example configurations of the directory modes, read from the README itself and
 * given to {@code strata serve} as its config file, with only the addresses of the test's own
 * directory and issuer put in.
 */
class ReadmeDirectoryExamplesTest {

    private static final Pattern PROPERTIES = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** The README's properties block that contains {@code marker}. */
    private static Properties readmeBlock(String marker) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = PROPERTIES.matcher(readme);
        while (block.find()) {
            if (block.group(1).contains(marker)) {
                Properties properties = new Properties();
                properties.load(new StringReader(block.group(1).replaceAll("(?m)^ +", "")));
                return properties;
            }
        }
        throw new AssertionError("README.md has no properties block with " + marker);
    }

    /** What {@code strata serve --config FILE --data-dir DIR} would be told. */
    private ServerSettings serve(Properties configFile) throws IOException {
        Path file = dir.resolve("strata.properties");
        try (var out = Files.newBufferedWriter(file)) {
            configFile.store(out, null);
        }
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setDefaultValueProvider(new SettingsSources(Map.of(),
                        SettingsSources.configFile(new String[] {"--config", file.toString()}, Map.of())))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs("--config", file.toString(), "--data-dir", dir.resolve("data").toString());
        return serve.settings();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void theLdapExampleWorksAsWritten() throws Exception {
        TestCertificates.Issued ca = TestCertificates.certificateAuthority(dir, "ldap-ca");
        TestCertificates.Issued cert = TestCertificates.serverSignedBy(ca, dir, "ldap");
        try (TestDirectory directory = TestDirectory.ldaps(TestCertificates.serverContext(cert))) {
            directory.person("ada", "ada-password");
            directory.group("strata-admins", "ada");
            Properties example = readmeBlock("strata-ldap.properties");
            example.setProperty("ldap.url", directory.url());
            example.setProperty("ldap.ca.file", ca.certificateFile().toString());
            ServerSettings settings = serve(example);

            try (TestServer server = TestServer.start(dir.resolve("data"), defaults -> settings)) {
                JsonNode dora = server.anonymous().withBasic("dora", "dora-password").get("/v1/session/who-am-i")
                        .json();
                assertThat(dora.path("id").asText()).isEmpty();
                assertThat(texts(dora.path("roles"))).containsExactly("monitor", "storage");
                assertThat(dora.path("can_change_password").asBoolean()).isFalse();
                Reply login = server.anonymous().post("/v1/session/login",
                        "{\"username\":\"dora\",\"password\":\"dora-password\"}");
                assertThat(login.json().path("bearer_token").asText()).startsWith("session-v1:");

                Api ada = server.anonymous().withBasic("ada", "ada-password");
                assertThat(ada.post("/v1/users/", "{\"name\":\"cinder\",\"password\":\"cinder-password-1\","
                        + "\"roles\":[\"storage\"]}").status()).isEqualTo(201);
                String token = ada.post("/v1/auth/access-tokens/", "{\"user\":{\"name\":\"cinder\"}}").json()
                        .path("bearer_token").asText();
                assertThat(token).startsWith("access-v1:");
                assertThat(server.anonymous().withBearer(token).get("/backends").status()).isEqualTo(200);
            }

            Properties search = readmeBlock("ldap.user.search.base");
            example.remove("ldap.user.dn.template");
            example.putAll(search);
            ServerSettings searching = serve(example);
            try (TestServer server = TestServer.start(dir.resolve("data"), defaults -> searching)) {
                assertThat(texts(server.anonymous().withBasic("dora", "dora-password").get("/v1/session/who-am-i")
                        .json().path("roles"))).containsExactly("monitor", "storage");
            }
        }
    }

    @Test
    void theOpenIdcExampleWorksAsWritten() throws Exception {
        AtomicReference<MutableClock> clock = new AtomicReference<>();
        MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(() -> clock.get().instant())));
        provider.start(InetAddress.getLoopbackAddress(), 0);
        try {
            Properties example = readmeBlock("strata-oidc.properties");
            example.setProperty("oidc.issuer", provider.issuerUrl("storage").toString());
            example.setProperty("oidc.jwks.url", provider.jwksUrl("storage").toString());
            ServerSettings settings = serve(example);
            try (TestServer server = TestServer.start(dir.resolve("data"), defaults -> settings)) {
                clock.set(server.clock());
                provider.enqueueCallback(new DefaultOAuth2TokenCallback("storage", "svc-backup", "JWT",
                        List.of(example.getProperty("oidc.audience")), Map.of("roles", List.of("strata-ops")), 3600));
                HttpResponse<String> issued = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(HttpRequest.newBuilder(provider.tokenEndpointUrl("storage").uri())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                                        + "&client_id=svc-backup&client_secret=secret")).build(),
                                HttpResponse.BodyHandlers.ofString());
                String token = new ObjectMapper().readTree(issued.body()).path("access_token").asText();

                JsonNode me = server.anonymous().withBearer(token).get("/v1/session/who-am-i").json();
                assertThat(me.path("id").asText()).isEmpty();
                assertThat(me.path("name").asText()).isEqualTo("svc-backup");
                assertThat(texts(me.path("roles"))).containsExactly("storage");
                assertThat(me.path("can_change_password").asBoolean()).isFalse();
            }
        } finally {
            provider.shutdown();
        }
    }
}
