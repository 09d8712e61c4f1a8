package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;

/**
 * Turns a request's credentials into its caller. No credentials give the anonymous principal
 * (public endpoints accept it, every use case refuses it); bad ones throw {@code Unauthorized}.
 */
public interface AuthenticateUseCase {

    Principal authenticate(Credentials credentials, RequestOrigin origin);
}
