package dev.strata.adapters.rest.filter;

import dev.strata.adapters.rest.error.ErrorResponses;
import dev.strata.adapters.rest.http.Utf8;
import dev.strata.domain.DomainException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds request bodies, checks their encoding and settles their media type. A body over
 * {@link #MAX_BYTES} gets 413, whether it declares its length or not. A body that is not strict
 * UTF-8 (RFC 8259 allows no other encoding), or holds a NUL byte (which JSON text never does; a
 * UTF-16 body does), gets 400 before Jackson could decode it leniently. A body sent without a type,
 * or with curl's default form type, is read as JSON, since this API reads nothing else; any other
 * non-JSON type gets 415 (the type itself is checked by {@link RequestHeadersFilter}). A body sent
 * that reads as nothing ({@code null}) is 400.
 */
@PreMatching
@Priority(300)
public final class RequestBodyFilter implements ContainerRequestFilter, ReaderInterceptor {

    public static final int MAX_BYTES = 1 << 20;

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > MAX_BYTES) {
            request.abortWith(RefusedBody.tooLarge().response());
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Checked(request.getEntityStream()));
        }
    }

    /**
     * A body that was sent but reads as nothing (JSON {@code null}, or only whitespace) is bad
     * input: where a body is optional, absent means "the defaults", and {@code null} is not absent.
     */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null && sent(context.getHeaders())) {
            throw DomainException.invalidInput("the request body must be a JSON object, not null or empty");
        }
        return body;
    }

    private static boolean sent(jakarta.ws.rs.core.MultivaluedMap<String, String> headers) {
        String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.strip().equals("0") || headers.getFirst("Transfer-Encoding") != null;
    }

    /** Fails the read once more than {@link #MAX_BYTES} have come, or a byte that cannot be UTF-8 JSON. */
    private static final class Checked extends FilterInputStream {
        private long remaining = MAX_BYTES;
        private final Utf8 text = new Utf8();

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(b);
                count(1);
            } else {
                end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                for (int i = offset; i < offset + n; i++) {
                    check(buffer[i] & 0xFF);
                }
                count(n);
            } else if (n < 0) {
                end();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
            int read = read(discard, 0, discard.length);
            return Math.max(read, 0);
        }

        private void check(int b) throws RefusedBody {
            if (b == 0) {
                throw RefusedBody.notText("the request body holds a NUL byte; send JSON as UTF-8");
            }
            if (!text.accept(b)) {
                throw RefusedBody.notText("the request body is not valid UTF-8");
            }
        }

        private void end() throws RefusedBody {
            if (!text.complete()) {
                throw RefusedBody.notText("the request body is not valid UTF-8 (it ends inside a character)");
            }
        }

        private void count(int n) throws RefusedBody {
            remaining -= n;
            if (remaining < 0) {
                throw RefusedBody.tooLarge();
            }
        }
    }

    /**
     * A body refused while it was being read. An IOException, so that Jackson lets it through
     * unwrapped; {@link Mapper} answers it.
     */
    public static final class RefusedBody extends IOException {
        private final int status;

        private RefusedBody(int status, String description) {
            super(description, null);
            this.status = status;
        }

        static RefusedBody tooLarge() {
            return new RefusedBody(413, "the request body is larger than " + MAX_BYTES + " bytes");
        }

        static RefusedBody notText(String description) {
            return new RefusedBody(400, description);
        }

        Response response() {
            return ErrorResponses.of(status, getMessage());
        }
    }

    /** Answers a body refused while being read. */
    public static final class Mapper implements ExceptionMapper<RefusedBody> {
        @Override
        public Response toResponse(RefusedBody exception) {
            return exception.response();
        }
    }
}
