package dev.strata.application.port.out;

import java.util.Optional;

/** An OpenID Connect issuer's signed JWTs, checked against its published keys. */
public interface IdentityTokens {

    /**
     * Who the token speaks for, if it is well signed by the issuer's key with an allowed algorithm,
     * from the expected issuer, for the expected audience, and valid now; empty otherwise.
     *
     * @throws dev.strata.domain.DomainException with {@code AUTHENTICATION_UNAVAILABLE} when the
     *         issuer's keys cannot be fetched and none that fit are known
     */
    Optional<ExternalIdentity> verify(String jwt);
}
