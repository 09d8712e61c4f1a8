package dev.strata.adapters.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.strata.application.port.out.ExternalIdentity;
import dev.strata.application.port.out.IdentityTokens;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.text.ParseException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JWTs of one OpenID Connect issuer, checked with Nimbus JOSE+JWT: a signature by one of the
 * issuer's published keys with an allowed (asymmetric) algorithm, then the exact {@code iss}, the
 * audience, a required {@code exp} and, if present, {@code nbf}, against the server's clock with
 * the configured skew. Unsigned and encrypted tokens are refused. The caller's name is {@code sub},
 * or {@code preferred_username} without one; roles come from the configured claim.
 */
public final class IssuerTokens implements IdentityTokens {

    private static final Logger LOG = LoggerFactory.getLogger(IssuerTokens.class);

    private final OidcConfig config;
    private final IssuerKeys keys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public IssuerTokens(OidcConfig config, InstantSource clock) {
        this.config = config;
        this.keys = new IssuerKeys(config.jwksUrl(), clock);
        // Identity providers type their access tokens JWT, at+jwt (RFC 9068), or not at all.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(config.algorithms(), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(config.audience()),
                new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
                Set.of(JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.ISSUER), Set.of()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    @Override
    public Optional<ExternalIdentity> verify(String jwt) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (KeySourceException unavailable) {
            LOG.warn("Cannot check a JWT: {}", unavailable.getMessage());
            throw new DomainException(ErrorCode.AUTHENTICATION_UNAVAILABLE,
                    "the issuer's signing keys cannot be fetched; try again later");
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            LOG.debug("Refused a JWT: {}", refused.getMessage());
            return Optional.empty();
        }
        Optional<String> name = text(claims.getClaim(JWTClaimNames.SUBJECT))
                .or(() -> text(claims.getClaim("preferred_username")));
        if (name.isEmpty()) {
            LOG.debug("Refused a JWT without sub or preferred_username");
            return Optional.empty();
        }
        return Optional.of(new ExternalIdentity(name.get(), config.roleMap().rolesOf(values(claims))));
    }

    private static Optional<String> text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    /** The values of the roles claim: a list of strings, or one string. */
    private List<String> values(JWTClaimsSet claims) {
        Object claim = claims.getClaim(config.rolesClaim());
        if (claim == null && config.rolesClaim().contains(".")) {
            Object node = claims.getClaims();
            for (String step : config.rolesClaim().split("\\.")) {
                node = node instanceof Map<?, ?> map ? map.get(step) : null;
            }
            claim = node;
        }
        List<String> values = new ArrayList<>();
        if (claim instanceof String one) {
            values.add(one);
        } else if (claim instanceof Collection<?> many) {
            many.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
        }
        return values;
    }

    /** How often the issuer's keys were fetched; for tests. */
    int keyFetches() {
        return keys.fetches();
    }
}
