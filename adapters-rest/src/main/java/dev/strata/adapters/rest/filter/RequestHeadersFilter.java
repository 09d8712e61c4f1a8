package dev.strata.adapters.rest.filter;

import dev.strata.adapters.rest.error.ErrorResponses;
import dev.strata.domain.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.message.internal.HttpHeaderReader;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers Jersey itself reads, checked before it does: it fails on a malformed one deep in
 * matching, as a 500 or a bare 400. Here a malformed or repeated {@code Content-Type}, a
 * {@code Content-Type} naming a charset other than UTF-8, a malformed {@code Accept}, and a body
 * sent with a method that takes none are each a 400 with the error body. The one place a request's
 * framing headers are judged, after {@link RequestIdFilter} so that the answer names its id.
 */
@PreMatching
@Priority(150)
public final class RequestHeadersFilter implements ContainerRequestFilter {

    /** Methods whose requests carry no body in this API. */
    private static final Set<String> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
            HttpMethod.OPTIONS);

    @Override
    public void filter(ContainerRequestContext request) {
        String refusal = refusal(request);
        if (refusal != null) {
            request.abortWith(ErrorResponses.of(ErrorCode.INVALID_INPUT, refusal));
        }
    }

    private static String refusal(ContainerRequestContext request) {
        List<String> types = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (types != null && !types.isEmpty()) {
            if (types.size() > 1) {
                return "send one Content-Type header, not " + types.size();
            }
            MediaType type = mediaType(types.get(0));
            if (type == null) {
                return "the Content-Type header is malformed; send application/json";
            }
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
                return "the Content-Type charset must be utf-8";
            }
        }
        List<String> accepts = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accepts != null) {
            for (String accept : accepts) {
                if (!acceptable(accept)) {
                    return "the Accept header is malformed";
                }
            }
        }
        if (BODILESS.contains(request.getMethod().toUpperCase(Locale.ROOT)) && hasBody(request)) {
            return request.getMethod() + " takes no request body";
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !length.strip().equals("0")) {
            return true;
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    /** One media type, or {@code null} when it does not parse as {@code type/subtype;params}. */
    private static MediaType mediaType(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            MediaType type = MediaType.valueOf(text);
            if (type.getType().isEmpty() || type.getSubtype().isEmpty()) {
                return null;
            }
            return type;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** The header as Jersey's own reader parses it when matching: media ranges with their q values. */
    private static boolean acceptable(String header) {
        if (header == null || header.isBlank()) {
            return true;
        }
        try {
            HttpHeaderReader.readAcceptMediaType(header);
            return true;
        } catch (ParseException | RuntimeException malformed) {
            return false;
        }
    }
}
