package dev.strata.adapters.rest.http;

import dev.strata.domain.access.Principal;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Carries the authenticated {@link Principal} from the authentication filter to the resources.
 * Jersey hands resources a proxy of the security context, so the principal travels as the
 * context's user principal.
 */
public final class CallerContext implements SecurityContext {

    private record Caller(Principal principal) implements java.security.Principal {
        @Override
        public String getName() {
            return principal.name();
        }
    }

    private final Caller caller;
    private final boolean secure;

    public CallerContext(Principal principal, boolean secure) {
        this.caller = new Caller(principal);
        this.secure = secure;
    }

    /** The caller of the request whose security context this is. */
    public static Principal caller(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Caller known) {
            return known.principal();
        }
        throw new IllegalStateException("the request did not pass the authentication filter");
    }

    @Override
    public java.security.Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.principal().roles().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return caller.principal().method().label();
    }
}
