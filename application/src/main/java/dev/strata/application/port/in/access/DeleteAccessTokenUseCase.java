package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;

/** Revokes at once. Your own; anybody's with ACCESS_TOKENS_WRITE. */
public interface DeleteAccessTokenUseCase {

    void deleteToken(Principal caller, String id);
}
