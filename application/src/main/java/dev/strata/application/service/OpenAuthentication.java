package dev.strata.application.service;

import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.application.port.in.access.Credentials;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;

/** Authentication mode NONE: whatever a caller presents, it is an administrator. */
public final class OpenAuthentication implements AuthenticateUseCase {

    @Override
    public Principal authenticate(Credentials credentials, RequestOrigin origin) {
        return Principal.administrator("admin", AuthMethod.NONE, origin);
    }
}
