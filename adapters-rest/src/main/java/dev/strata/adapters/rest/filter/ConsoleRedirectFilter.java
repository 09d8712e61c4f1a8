package dev.strata.adapters.rest.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A browser opening {@code /} is sent to the web console at {@code /ui/}. Only when the request's
 * most preferred type is {@code text/html} itself: API clients (which send {@code application/json},
 * {@code *}{@code /*} or nothing) get what {@code /} answered before, the API's 404.
 */
@PreMatching
@Priority(100)
public final class ConsoleRedirectFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.isEmpty() || path.equals("/"))) {
            return;
        }
        if (!(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        if (request.getHeaderString(HttpHeaders.ACCEPT) == null) {
            return;
        }
        List<MediaType> wanted = request.getAcceptableMediaTypes();
        if (!wanted.isEmpty() && !wanted.get(0).isWildcardType() && !wanted.get(0).isWildcardSubtype()
                && wanted.get(0).isCompatible(MediaType.TEXT_HTML_TYPE)) {
            request.abortWith(Response.seeOther(request.getUriInfo().getBaseUriBuilder().path("ui/").build())
                    .build());
        }
    }
}
