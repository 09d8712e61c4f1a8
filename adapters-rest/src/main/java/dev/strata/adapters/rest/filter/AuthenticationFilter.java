package dev.strata.adapters.rest.filter;

import dev.strata.adapters.rest.error.DomainExceptionMapper;
import dev.strata.adapters.rest.error.ErrorResponses;
import dev.strata.adapters.rest.http.CallerContext;
import dev.strata.adapters.rest.http.Public;
import dev.strata.adapters.rest.http.RequestIds;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.application.port.in.access.Credentials;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.glassfish.grizzly.http.server.Request;

/**
 * The one place a request's credentials are read. It asks {@link AuthenticateUseCase} who the caller
 * is and answers 401 itself when nobody, or nobody valid, is calling a non-public endpoint.
 * Authorization is not its business: every use case checks its own privilege.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    // Jersey injects request-scoped proxies into provider fields; a filter has no other way to them.
    @Context
    private ResourceInfo resourceInfo;
    @Context
    private Provider<Request> connection;

    private final AuthenticateUseCase authenticate;
    private final DomainExceptionMapper errors = new DomainExceptionMapper();

    public AuthenticationFilter(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        boolean isPublic = method != null && method.isAnnotationPresent(Public.class);
        RequestOrigin origin = new RequestOrigin(RequestIds.current(), remoteAddress());
        Principal principal;
        try {
            principal = authenticate.authenticate(credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION)),
                    origin);
        } catch (DomainException refused) {
            if (!isPublic) {
                request.abortWith(errors.toResponse(refused));
                return;
            }
            principal = Principal.anonymous(origin);
        }
        if (principal.isAnonymous() && !isPublic) {
            request.abortWith(ErrorResponses.unauthorized("authentication required"));
            return;
        }
        request.setSecurityContext(new CallerContext(principal, request.getSecurityContext().isSecure()));
    }

    private String remoteAddress() {
        try {
            Request grizzly = connection.get();
            return grizzly == null ? "" : grizzly.getRemoteAddr();
        } catch (RuntimeException outsideGrizzly) {
            return "";
        }
    }

    /** Reads an {@code Authorization} header. Never logs or echoes it. */
    static Credentials credentials(String header) {
        if (header == null || header.isBlank()) {
            return new Credentials.None();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return new Credentials.Malformed("no authentication scheme");
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String rest = value.substring(space + 1).strip();
        switch (scheme) {
            case "basic" -> {
                try {
                    String decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    if (colon < 0) {
                        return new Credentials.Malformed("Basic credentials without ':'");
                    }
                    return new Credentials.Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
                } catch (IllegalArgumentException notBase64) {
                    return new Credentials.Malformed("Basic credentials are not base64");
                }
            }
            case "bearer" -> {
                return rest.isEmpty() ? new Credentials.Malformed("empty Bearer token") : new Credentials.Bearer(rest);
            }
            default -> {
                return new Credentials.Malformed("unsupported authentication scheme");
            }
        }
    }
}
