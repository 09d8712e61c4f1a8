package dev.strata.adapters.rest.filter;

import dev.strata.adapters.rest.error.DomainExceptionMapper;
import dev.strata.adapters.rest.error.ErrorResponses;
import dev.strata.adapters.rest.http.AuthorizationHeader;
import dev.strata.adapters.rest.http.CallerContext;
import dev.strata.adapters.rest.http.Public;
import dev.strata.adapters.rest.http.RequestIds;
import dev.strata.application.port.in.access.AuthenticateUseCase;
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
        Public open = method == null ? null : method.getAnnotation(Public.class);
        boolean isPublic = open != null;
        RequestOrigin origin = new RequestOrigin(RequestIds.current(), remoteAddress());
        if (isPublic && open.readsCredentials()) {
            request.setSecurityContext(new CallerContext(Principal.anonymous(origin),
                    request.getSecurityContext().isSecure()));
            return;
        }
        Principal principal;
        try {
            principal = authenticate.authenticate(
                    AuthorizationHeader.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION)), origin);
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
}
