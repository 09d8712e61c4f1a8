package dev.strata.adapters.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.strata.application.fake.MutableClock;
import dev.strata.application.port.out.ExternalIdentity;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.RoleMap;
import dev.strata.domain.access.RoleName;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWT checks, with keys made here and published over HTTP by a JWKS endpoint of the test's own. */
class IssuerTokensTest {

    private static final String ISSUER = "https://issuer.example.org/realm";
    private static final String AUDIENCE = "strata";

    private final MutableClock clock = MutableClock.at("2026-05-05T10:00:00Z");
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private HttpServer jwks;
    private RSAKey rsa;
    private ECKey ec;
    private IssuerTokens tokens;

    @BeforeEach
    void publishKeys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        published.set(new JWKSet(List.<JWK>of(rsa, ec)).toPublicJWKSet());
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks", exchange -> {
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        tokens = new IssuerTokens(config("RS256,ES256", "roles"), clock);
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private OidcConfig config(String algorithms, String rolesClaim) {
        return OidcConfig.of(Optional.of(ISSUER), Optional.of("http://127.0.0.1:" + jwks.getAddress().getPort()
                + "/jwks"), Optional.of(AUDIENCE), Optional.of(rolesClaim), RoleMap.parse("strata-ops=storage"),
                Optional.of(algorithms), 60);
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE, "other")).subject("svc-backup")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).claim("roles", List.of("strata-ops", "x"));
    }

    private String signed(UnaryOperator<JWTClaimsSet.Builder> adjust) {
        return rs256(rsa, adjust.apply(claims()).build());
    }

    private static String rs256(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    private Optional<ExternalIdentity> verify(String jwt) {
        return tokens.verify(jwt);
    }

    @Test
    void acceptsAWellSignedTokenAndMapsItsRolesClaim() throws Exception {
        ExternalIdentity caller = verify(signed(c -> c)).orElseThrow();
        assertThat(caller.name()).isEqualTo("svc-backup");
        assertThat(caller.roles()).containsExactly(new RoleName("storage"));

        SignedJWT es256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
                claims().build());
        es256.sign(new ECDSASigner(ec));
        assertThat(verify(es256.serialize())).isPresent();

        assertThat(verify(signed(c -> c.subject(null).claim("preferred_username", "pat"))).orElseThrow().name())
                .isEqualTo("pat");
        assertThat(verify(signed(c -> c.subject(null)))).as("nobody to name").isEmpty();
    }

    @Test
    void readsRolesFromANestedClaim() {
        IssuerTokens nested = new IssuerTokens(config("RS256", "realm_access.roles"), clock);
        String jwt = signed(c -> c.claim("roles", null).claim("realm_access", Map.of("roles", List.of("strata-ops"))));
        assertThat(nested.verify(jwt).orElseThrow().roles()).containsExactly(new RoleName("storage"));
    }

    @Test
    void refusesExpiredAndNotYetValidTokensBeyondTheClockSkew() {
        String expiresNow = signed(c -> c.expirationTime(Date.from(clock.instant())));
        assertThat(verify(expiresNow)).as("within the skew").isPresent();
        clock.advance(Duration.ofSeconds(59));
        assertThat(verify(expiresNow)).as("still within the skew").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(verify(expiresNow)).as("a minute past exp").isEmpty();

        assertThat(verify(signed(c -> c.notBeforeTime(Date.from(clock.instant().plusSeconds(61)))))).isEmpty();
        assertThat(verify(signed(c -> c.notBeforeTime(Date.from(clock.instant().plusSeconds(30)))))).isPresent();
        assertThat(verify(signed(c -> c.expirationTime(null)))).as("exp is required").isEmpty();
    }

    @Test
    void refusesAnotherIssuerOrAudience() {
        assertThat(verify(signed(c -> c.issuer("https://evil.example.org/realm")))).isEmpty();
        assertThat(verify(signed(c -> c.issuer(null)))).isEmpty();
        assertThat(verify(signed(c -> c.audience("someone-else")))).isEmpty();
        assertThat(verify(signed(c -> c.audience((String) null)))).isEmpty();
    }

    @Test
    void refusesTamperedUnsignedAndPublicKeyHmacTokens() throws Exception {
        String good = signed(c -> c);
        String[] parts = good.split("\\.");
        String otherPayload = Base64URL.encode(claims().claim("roles", List.of("admins")).build().toString()
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(verify(parts[0] + "." + otherPayload + "." + parts[2])).as("tampered").isEmpty();
        assertThat(verify(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20) + "AAAA"
                + parts[2].substring(24))).as("bad signature").isEmpty();

        assertThat(verify(new PlainJWT(claims().build()).serialize())).as("alg none").isEmpty();
        assertThat(verify("eyJhbGciOiJub25lIn0." + parts[1] + ".")).as("alg none, by hand").isEmpty();

        // The classic confusion: HMAC keyed with the RSA public key the issuer publishes.
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims().build());
        hmac.sign(new MACSigner(rsa.toPublicKey().getEncoded()));
        assertThat(verify(hmac.serialize())).isEmpty();

        assertThat(verify("not a jwt")).isEmpty();
    }

    @Test
    void picksUpARotatedKeyAndFetchesAtMostOnceInTenSecondsForUnknownKeys() throws Exception {
        assertThat(verify(signed(c -> c))).isPresent();
        RSAKey next = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        published.set(new JWKSet(List.<JWK>of(next, ec)).toPublicJWKSet());
        String rotated = rs256(next, claims().build());

        clock.advance(Duration.ofSeconds(9));
        assertThat(verify(rotated)).as("too soon after the last fetch").isEmpty();
        assertThat(tokens.keyFetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verify(rotated)).isPresent();
        assertThat(tokens.keyFetches()).isEqualTo(2);

        for (int i = 0; i < 5; i++) {
            assertThat(verify(rs256(new RSAKey.Builder(rsa).keyID("made-up-" + i).build(), claims().build())))
                    .isEmpty();
        }
        assertThat(tokens.keyFetches()).as("made-up key ids do not flood the issuer").isEqualTo(2);
    }

    @Test
    void cannotCheckTokensWithoutTheIssuersKeys() throws IOException {
        jwks.stop(0);
        assertThatThrownBy(() -> verify(signed(c -> c))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_UNAVAILABLE));
    }

    @Test
    void refusesSettingsThatCannotWorkWithOneLineThatNamesTheFlag() {
        assertThatThrownBy(() -> config("RS256,HS256", "roles")).hasMessageContaining("--oidc-algorithms")
                .hasMessageContaining("HS256");
        assertThatThrownBy(() -> config("none", "roles")).hasMessageContaining("--oidc-algorithms");
        assertThatThrownBy(() -> OidcConfig.of(Optional.of(ISSUER), Optional.of("https://x/jwks"),
                Optional.of(AUDIENCE), Optional.empty(), RoleMap.empty(), Optional.empty(), 61))
                .hasMessageContaining("--oidc-clock-skew");
        assertThatThrownBy(() -> OidcConfig.of(Optional.empty(), Optional.of("https://x/jwks"), Optional.of(AUDIENCE),
                Optional.empty(), RoleMap.empty(), Optional.empty(), 60)).hasMessageContaining("--oidc-issuer");
        assertThatThrownBy(() -> OidcConfig.of(Optional.of(ISSUER), Optional.of("ftp://x/jwks"), Optional.of(AUDIENCE),
                Optional.empty(), RoleMap.empty(), Optional.empty(), 60)).hasMessageContaining("--oidc-jwks-url");
        OidcConfig defaults = OidcConfig.of(Optional.of(ISSUER), Optional.of("https://x/jwks"), Optional.of(AUDIENCE),
                Optional.empty(), RoleMap.empty(), Optional.empty(), 60);
        assertThat(defaults.algorithms()).containsExactlyInAnyOrder(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
        assertThat(defaults.rolesClaim()).isEqualTo("roles");
    }
}
