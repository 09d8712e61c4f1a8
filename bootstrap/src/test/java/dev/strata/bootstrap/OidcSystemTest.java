package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.strata.adapters.auth.OidcConfig;
import dev.strata.application.fake.MutableClock;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.CapturedLogs;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import dev.strata.domain.access.RoleMap;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mode OPEN_IDC over HTTPS, with a real OpenID Connect provider (mock-oauth2-server) that issues
 * tokens with the client_credentials grant, on the server's clock, and can rotate its signing key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSystemTest {

    private static final String ISSUER_ID = "strata-realm";
    private static final String AUDIENCE = "strata";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provider's signing key, one for every issuer id, with a new key id at each rotation. */
    static final class RotatingKeys extends KeyProvider {
        private volatile RSAKey current = next(1);
        private int generation = 1;

        RotatingKeys() {
            super(List.of(), JWSAlgorithm.RS256.getName());
        }

        private static RSAKey next(int generation) {
            try {
                return new RSAKeyGenerator(2048).keyID("key-" + generation).generate();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public JWK signingKey(String issuerId) {
            return current;
        }

        synchronized void rotate() {
            current = next(++generation);
        }
    }

    private final AtomicReference<MutableClock> clock = new AtomicReference<>();
    private final RotatingKeys keys = new RotatingKeys();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private MockOAuth2Server provider;
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        provider = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(keys, () -> clock.get().instant())));
        provider.start(InetAddress.getLoopbackAddress(), 0);
        OidcConfig oidc = OidcConfig.of(Optional.of(provider.issuerUrl(ISSUER_ID).toString()),
                Optional.of(provider.jwksUrl(ISSUER_ID).toString()), Optional.of(AUDIENCE), Optional.of("roles"),
                RoleMap.parse("strata-ops=storage,strata-admins=admin"), Optional.of("RS256,ES256"), 60);
        server = TestServer.start(dir.resolve("data"), s -> s.withOidc(oidc));
        clock.set(server.clock());
    }

    @AfterAll
    void stop() {
        server.close();
        provider.shutdown();
    }

    /** A token from the provider's token endpoint, by the client_credentials grant. */
    private String token(String issuerId, String subject, String audience, List<String> roles) throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(audience),
                Map.of("roles", roles), 3600));
        HttpRequest request = HttpRequest.newBuilder(provider.tokenEndpointUrl(issuerId).uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + subject
                        + "&client_secret=secret&scope=" + audience)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private String token(String subject, List<String> roles) throws Exception {
        return token(ISSUER_ID, subject, AUDIENCE, roles);
    }

    private Api bearer(String token) {
        return server.anonymous().withBearer(token);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void acceptsAValidTokenWithTheRolesOfItsClaim() throws Exception {
        Api backup = bearer(token("svc-backup", List.of("strata-ops", "unmapped")));

        JsonNode me = backup.get("/v1/session/who-am-i").json();
        assertThat(me.path("id").asText()).isEmpty();
        assertThat(me.path("name").asText()).isEqualTo("svc-backup");
        assertThat(texts(me.path("roles"))).containsExactly("storage");
        assertThat(me.path("can_change_password").asBoolean()).isFalse();
        assertThat(backup.get("/backends").status()).isEqualTo(200);
        assertThat(backup.get("/v1/users/").status()).isEqualTo(403);
        assertThat(server.anonymous().get("/info").json().path("authenticationMode").asText()).isEqualTo("OPEN_IDC");
    }

    @Test
    void refusesATamperedTokenAnotherAudienceAndAnotherIssuer() throws Exception {
        String valid = token("svc-backup", List.of("strata-ops"));
        String[] parts = valid.split("\\.");
        JsonNode claims = JSON.readTree(Base64URL.from(parts[1]).decodeToString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) claims).putArray("roles").add("strata-admins");
        String tampered = parts[0] + "." + Base64URL.encode(JSON.writeValueAsBytes(claims)) + "." + parts[2];

        for (String refused : List.of(tampered, token(ISSUER_ID, "svc-backup", "someone-else", List.of("strata-ops")),
                token("other-realm", "svc-backup", AUDIENCE, List.of("strata-ops")))) {
            Reply reply = bearer(refused).get("/v1/session/who-am-i");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("description").asText()).isEqualTo("bad credentials");
        }
        assertThat(bearer(valid).get("/v1/session/who-am-i").status()).as("the original still works").isEqualTo(200);
    }

    @Test
    void refusesAlgNoneAndHs256SignedWithThePublicKey() throws Exception {
        String valid = token("svc-backup", List.of("strata-ops"));
        String payload = valid.split("\\.")[1];
        String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
        assertThat(bearer(none).get("/v1/session/who-am-i").status()).isEqualTo(401);

        JWKSet published = JWKSet.load(provider.jwksUrl(ISSUER_ID).url());
        RSAKey publicKey = published.getKeys().get(0).toRSAKey();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
                JWTClaimsSet.parse(Base64URL.from(payload).decodeToString()));
        hmac.sign(new MACSigner(publicKey.toPublicKey().getEncoded()));
        assertThat(bearer(hmac.serialize()).get("/v1/session/who-am-i").status()).isEqualTo(401);
    }

    @Test
    void logsNoToken() throws Exception {
        String valid = token("svc-backup", List.of("strata-ops"));
        String foreign = token("other-realm", "svc-backup", AUDIENCE, List.of("strata-ops"));
        try (CapturedLogs logs = new CapturedLogs("dev.strata", "com.nimbusds")) {
            bearer(valid).get("/v1/session/who-am-i");
            bearer(foreign).get("/v1/session/who-am-i");
            bearer(valid + "x").get("/v1/session/who-am-i");
            bearer("not.a.jwt").get("/v1/session/who-am-i");
            assertThat(logs.text()).as("the refusals were logged").contains("Refused a JWT");
            for (String token : List.of(valid, foreign)) {
                assertThat(logs.text()).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
            }
        }
    }

    @Test
    void refusesATokenOnceExpiredByTheServersClock() throws Exception {
        Api backup = bearer(token("svc-backup", List.of("strata-ops")));
        assertThat(backup.get("/v1/session/who-am-i").status()).isEqualTo(200);

        server.clock().advance(Duration.ofHours(1).plusSeconds(30));
        assertThat(backup.get("/v1/session/who-am-i").status()).as("within the clock skew").isEqualTo(200);
        server.clock().advance(Duration.ofSeconds(30));
        assertThat(backup.get("/v1/session/who-am-i").status()).isEqualTo(401);
    }

    @Test
    void picksUpAKeyRotationAtTheProvider() throws Exception {
        assertThat(bearer(token("svc-backup", List.of("strata-ops"))).get("/v1/session/who-am-i").status())
                .isEqualTo(200);
        keys.rotate();
        String signedWithTheNewKey = token("svc-backup", List.of("strata-ops"));
        assertThat(SignedJWT.parse(signedWithTheNewKey).getHeader().getKeyID()).isNotEqualTo("key-1");

        // Unknown key ids send Strata to the provider again, at most once in ten seconds.
        server.clock().advance(Duration.ofSeconds(10));
        assertThat(bearer(signedWithTheNewKey).get("/v1/session/who-am-i").status()).isEqualTo(200);
    }

    @Test
    void checksNoPasswordsButKeepsLocalAccessTokensWorking() throws Exception {
        Api administrator = bearer(token("ops-lead", List.of("strata-admins")));
        assertThat(administrator.post("/v1/users/", "{\"name\": \"cinder\", \"password\": \"cinder-password\","
                + " \"roles\": [\"storage\"]}").status()).isEqualTo(201);
        Reply issued = administrator.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"cinder\"}}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Api cinder = bearer(issued.json().path("bearer_token").asText());
        assertThat(cinder.get("/v1/session/who-am-i").json().path("name").asText()).isEqualTo("cinder");
        assertThat(cinder.get("/backends").status()).isEqualTo(200);

        Reply basic = server.anonymous().withBasic("cinder", "cinder-password").get("/backends");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().path("description").asText()).contains("OPEN_IDC");
        Reply login = server.api().post("/v1/session/login",
                "{\"username\": \"admin\", \"password\": \"" + TestServer.ADMIN_PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json().path("description").asText()).contains("OPEN_IDC");
    }
}
