package dev.strata.adapters.rest.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/** Paths work with or without a trailing slash: {@code /v1/users/} is {@code /v1/users}. */
@PreMatching
@Priority(200)
public final class TrailingSlashFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1 || !path.endsWith("/")) {
            return;
        }
        String trimmed = path.replaceAll("/+$", "");
        request.setRequestUri(request.getUriInfo().getBaseUri(),
                UriBuilder.fromUri(uri).replacePath(trimmed.isEmpty() ? "/" : trimmed).build());
    }
}
