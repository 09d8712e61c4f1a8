package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;

/** Your own; anybody's with ACCESS_TOKENS_READ. */
public interface GetAccessTokenUseCase {

    AccessTokenView getToken(Principal caller, String id);
}
