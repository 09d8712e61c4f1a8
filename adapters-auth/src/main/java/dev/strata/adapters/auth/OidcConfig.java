package dev.strata.adapters.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.strata.domain.access.RoleMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which JWTs Strata accepts in mode {@code OPEN_IDC}. Built from the operator's {@code --oidc-*}
 * settings, which it checks, saying what is wrong in one line that names the flag.
 *
 * @param issuer     the exact {@code iss}
 * @param jwksUrl    where the issuer publishes its signing keys
 * @param audience   a value {@code aud} must hold
 * @param rolesClaim the claim holding roles or groups (a dotted path such as {@code realm_access.roles}
 *                   reaches into objects)
 * @param roleMap    claim value to Strata role
 * @param algorithms the signature algorithms accepted: asymmetric ones only
 * @param clockSkew  how far {@code exp} and {@code nbf} may be off, at most a minute
 */
public record OidcConfig(String issuer, URI jwksUrl, String audience, String rolesClaim, RoleMap roleMap,
                         Set<JWSAlgorithm> algorithms, Duration clockSkew) {

    public static final String DEFAULT_ROLES_CLAIM = "roles";
    public static final String DEFAULT_ALGORITHMS = "RS256,ES256";
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
    public static final int MAX_CLOCK_SKEW_SECONDS = 60;
    /** Verified with the issuer's public key; HMAC (HS*) would need a shared secret, and none is unsigned. */
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.Ed25519, JWSAlgorithm.EdDSA);

    public OidcConfig {
        algorithms = Set.copyOf(algorithms);
    }

    public static OidcConfig of(Optional<String> issuer, Optional<String> jwksUrl, Optional<String> audience,
                                Optional<String> rolesClaim, RoleMap roleMap, Optional<String> algorithms,
                                int clockSkewSeconds) {
        String iss = required(issuer, "--oidc-issuer", "the exact iss of the issuer's tokens");
        String jwks = required(jwksUrl, "--oidc-jwks-url", "where the issuer publishes its keys");
        String aud = required(audience, "--oidc-audience", "the aud Strata's tokens carry");
        URI jwksUri;
        try {
            jwksUri = new URI(jwks);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--oidc-jwks-url is not a URL: " + jwks);
        }
        String scheme = jwksUri.getScheme() == null ? "" : jwksUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || jwksUri.getHost() == null) {
            throw new IllegalArgumentException("--oidc-jwks-url must be an https:// (or http://) URL: " + jwks);
        }
        if (clockSkewSeconds < 0 || clockSkewSeconds > MAX_CLOCK_SKEW_SECONDS) {
            throw new IllegalArgumentException("--oidc-clock-skew is 0 to " + MAX_CLOCK_SKEW_SECONDS
                    + " seconds, not " + clockSkewSeconds);
        }
        return new OidcConfig(iss, jwksUri, aud, rolesClaim.map(String::strip).filter(c -> !c.isEmpty())
                .orElse(DEFAULT_ROLES_CLAIM), roleMap, algorithms(algorithms.orElse(DEFAULT_ALGORITHMS)),
                Duration.ofSeconds(clockSkewSeconds));
    }

    private static String required(Optional<String> value, String flag, String what) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElseThrow(() ->
                new IllegalArgumentException("--auth-mode OPEN_IDC needs " + flag + " (" + what + ")"));
    }

    private static Set<JWSAlgorithm> algorithms(String list) {
        Set<JWSAlgorithm> accepted = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            JWSAlgorithm algorithm = JWSAlgorithm.parse(trimmed.toUpperCase(Locale.ROOT).equals("EDDSA") ? "EdDSA"
                    : trimmed.toUpperCase(Locale.ROOT));
            if (!ASYMMETRIC.contains(algorithm)) {
                throw new IllegalArgumentException("--oidc-algorithms: " + trimmed + " is not allowed; Strata"
                        + " verifies signatures with the issuer's public keys (RS256, ES256, PS256, …), never"
                        + " none or HS*");
            }
            accepted.add(algorithm);
        }
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("--oidc-algorithms names no algorithm");
        }
        return accepted;
    }
}
