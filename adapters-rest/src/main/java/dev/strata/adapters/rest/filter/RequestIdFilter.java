package dev.strata.adapters.rest.filter;

import dev.strata.adapters.rest.http.RequestIds;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/** Gives every request an id (the client's {@code X-Request-Id}, or a new one) and every response the header. */
@PreMatching
@Priority(100)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PROPERTY = "strata.requestId";

    @Override
    public void filter(ContainerRequestContext request) {
        String id = RequestIds.accept(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(PROPERTY, id);
        RequestIds.begin(id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        response.getHeaders().putSingle(RequestIds.HEADER, id != null ? id : RequestIds.current());
        RequestIds.end();
    }
}
