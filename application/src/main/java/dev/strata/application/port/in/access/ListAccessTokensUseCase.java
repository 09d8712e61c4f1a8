package dev.strata.application.port.in.access;

import dev.strata.application.Page;
import dev.strata.domain.access.Principal;
import java.util.Optional;

/** Your own tokens; anybody's with ACCESS_TOKENS_READ. Never the secrets. */
public interface ListAccessTokensUseCase {

    Page<AccessTokenView> listTokens(Principal caller, Optional<IdentityRef> user, String afterId, int limit);
}
