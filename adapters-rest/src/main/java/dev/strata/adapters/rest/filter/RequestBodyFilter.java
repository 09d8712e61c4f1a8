package dev.strata.adapters.rest.filter;

import dev.strata.adapters.rest.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds request bodies and settles their media type. A body over {@link #MAX_BYTES} gets 413,
 * whether it declares its length or not. A body sent without a type, or with curl's default form
 * type, is read as JSON, since this API reads nothing else; any other non-JSON type gets 415.
 */
@PreMatching
@Priority(300)
public final class RequestBodyFilter implements ContainerRequestFilter {

    public static final int MAX_BYTES = 1 << 20;

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > MAX_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    private static jakarta.ws.rs.core.Response tooLarge() {
        return ErrorResponses.of(413, "PayloadTooLarge", "the request body is larger than " + MAX_BYTES + " bytes");
    }

    /** Fails the read once more than {@link #MAX_BYTES} have come. */
    private static final class Bounded extends FilterInputStream {
        private long remaining = MAX_BYTES;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            remaining -= n;
            if (remaining < 0) {
                throw new BodyTooLarge();
            }
        }
    }

    /** An IOException, so that Jackson lets it through unwrapped while reading the body. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("the request body is larger than " + MAX_BYTES + " bytes", null);
        }
    }

    /** Answers a body that outgrew the limit while being read. */
    public static final class BodyTooLargeMapper implements jakarta.ws.rs.ext.ExceptionMapper<BodyTooLarge> {
        @Override
        public jakarta.ws.rs.core.Response toResponse(BodyTooLarge exception) {
            return tooLarge();
        }
    }
}
