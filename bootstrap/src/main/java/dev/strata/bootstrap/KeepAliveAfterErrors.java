package dev.strata.bootstrap;

import dev.strata.adapters.rest.error.ErrorResponses;
import dev.strata.adapters.rest.http.RequestIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP codec, as the API needs it.
 * <ul>
 * <li>It keeps connections open after the API's own error answers. Grizzly drops the connection
 * after every 400, 500 and 503, as httpd does for broken requests; but our 400 is a well-framed
 * request with bad JSON, and clients reuse one connection across errors.</li>
 * <li>What the codec refuses itself (a broken request line or header, one over the size limit, a
 * missing {@code Host}, a broken chunk) gets the API's error body as JSON, an {@code X-Request-Id}
 * and {@code Connection: close}: after a broken frame nothing on the connection can be trusted.
 * The connection then closes a moment after the answer, not at once, so that a client still
 * sending a large request is not reset before it could read why.</li>
 * <li>A body sent with GET or DELETE reaches Jersey (the server allows payloads on such methods),
 * which refuses it with the error body, instead of the codec's bare 400.</li>
 * </ul>
 */
final class KeepAliveAfterErrors implements AddOn {

    /** How long a refused connection stays open for its client to read the answer. */
    private static final long CLOSE_DELAY_MILLIS = 1_000;

    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "strata-refused-connections");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(HttpServerFilter.class);
        HttpServerFilter original = (HttpServerFilter) builder.get(index);
        int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1 ? HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                : listener.getMaxHttpHeaderSize();
        Codec codec = new Codec(listener.isChunkingEnabled(), maxHeaderSize, listener.getKeepAlive(),
                listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
        codec.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        builder.set(index, codec);
    }

    private static final class Codec extends HttpServerFilter {

        private static final String PROBLEM = "strata.framingProblem";

        private final int maxHeaderSize;

        // The constructor Grizzly's own HttpServer uses for this filter.
        @SuppressWarnings("deprecation")
        Codec(boolean chunking, int maxHeaderSize, org.glassfish.grizzly.http.KeepAlive keepAlive, int maxRequestHeaders,
              int maxResponseHeaders) {
            super(chunking, maxHeaderSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
            this.maxHeaderSize = maxHeaderSize;
        }

        /**
         * A header name ends at its colon; a line break, space or control character before it is a
         * broken header line (RFC 9112 §5.1), refused at once. Grizzly would read on past the line
         * looking for a colon, and leave the client waiting.
         */
        @Override
        protected boolean parseHeaderName(HttpHeader header, MimeHeaders headers, HeaderParsingState state,
                                          byte[] input, int end) {
            int limit = Math.min(end, state.arrayOffset + state.packetLimit);
            for (int i = state.arrayOffset + state.offset; i < limit && input[i] != ':'; i++) {
                refuseInName(input[i]);
            }
            return super.parseHeaderName(header, headers, state, input, end);
        }

        @Override
        protected boolean parseHeaderName(HttpHeader header, MimeHeaders headers, HeaderParsingState state,
                                          Buffer input) {
            int limit = Math.min(input.limit(), state.packetLimit);
            for (int i = state.offset; i < limit && input.get(i) != ':'; i++) {
                refuseInName(input.get(i));
            }
            return super.parseHeaderName(header, headers, state, input);
        }

        private static void refuseInName(byte b) {
            if (b <= ' ' || b == 0x7F) {
                throw new IllegalStateException("a request header line is malformed");
            }
        }

        /**
         * Refuses framing that two parties could read two ways (RFC 9112 §6.3): more than one
         * {@code Content-Length}, one that is not a number, one beside {@code Transfer-Encoding},
         * or a transfer coding other than chunked. Grizzly would read one of them and wait for
         * bytes that never come.
         */
        @Override
        protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext ctx) {
            String problem = framingProblem(header.getHeaders());
            if (problem != null) {
                ((HttpRequestPacket) header).setAttribute(PROBLEM, problem);
                return true;
            }
            return super.onHttpHeaderParsed(header, buffer, ctx);
        }

        private static String framingProblem(MimeHeaders headers) {
            List<String> lengths = new ArrayList<>();
            headers.values(Header.ContentLength).forEach(lengths::add);
            List<String> codings = new ArrayList<>();
            headers.values(Header.TransferEncoding).forEach(codings::add);
            if (lengths.size() > 1) {
                return "send one Content-Length header, not " + lengths.size();
            }
            if (lengths.size() == 1 && !lengths.get(0).strip().matches("\\d{1,18}")) {
                return "Content-Length must be a number of bytes";
            }
            if (!codings.isEmpty() && !lengths.isEmpty()) {
                return "send Content-Length or Transfer-Encoding, not both";
            }
            if (codings.size() > 1 || codings.size() == 1 && !codings.get(0).strip().equalsIgnoreCase("chunked")) {
                return "the only Transfer-Encoding served is chunked";
            }
            return null;
        }

        @Override
        protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable t) {
            HttpResponsePacket response = ((HttpRequestPacket) header).getResponse();
            String problem = t == null || t.getMessage() == null ? "" : t.getMessage();
            Object framing = ((HttpRequestPacket) header).getAttribute(PROBLEM);
            if (framing != null) {
                refuse(ctx, response, 400, framing.toString());
            } else if (problem.contains("intial line is too large") || problem.contains("initial line is too large")) {
                refuse(ctx, response, 414, "the request line is longer than " + maxHeaderSize + " bytes");
            } else if (problem.contains("header is too large")) {
                refuse(ctx, response, 431, "the request headers are larger than " + maxHeaderSize + " bytes");
            } else if (response.getStatus() == 505) {
                refuse(ctx, response, 400, "the request line must end with HTTP/1.1 or HTTP/1.0");
            } else {
                refuse(ctx, response, 400, "the request line or a request header is malformed");
            }
        }

        @Override
        protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable t) {
            HttpResponsePacket response = ((HttpRequestPacket) header).getResponse();
            header.setContentBroken(true);
            if (!response.isCommitted()) {
                refuse(ctx, response, 400, "the request body is not framed as its headers say");
            }
        }

        /** Answers a request the codec cannot parse with the error body, then closes the connection. */
        private void refuse(FilterChainContext ctx, HttpResponsePacket response, int status, String description) {
            response.setStatus(status);
            response.setReasonPhrase(reason(status));
            ctx.write(encodeHttpPacket(ctx, errorBody(response, description)));
            Connection<?> connection = ctx.getConnection();
            CLOSER.schedule(() -> connection.closeSilently(), CLOSE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }

        /** Any other answer the codec makes itself (such as 417 to an {@code Expect} it cannot meet). */
        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            return errorBody(response, "the request cannot be served (HTTP " + response.getStatus() + ")");
        }

        private static HttpContent errorBody(HttpResponsePacket response, String description) {
            response.getProcessingState().setError(true);
            response.getProcessingState().setKeepAlive(false);
            String id = UUID.randomUUID().toString();
            byte[] body = ErrorResponses.json(response.getStatus(), description, id).getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/json");
            // also as a plain header: before the request line is parsed, the codec skips the type
            response.getHeaders().setValue(Header.ContentType).setString("application/json");
            response.setContentLength(body.length);
            response.setHeader(RequestIds.HEADER, id);
            response.setHeader(Header.Connection, "close");
            Buffer content = Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body);
            return HttpContent.builder(response).content(content).last(true).build();
        }

        private static String reason(int status) {
            return switch (status) {
                case 414 -> "URI Too Long";
                case 431 -> "Request Header Fields Too Large";
                default -> "Bad Request";
            };
        }

        @Override
        protected void onInitialLineEncoded(HttpHeader header, FilterChainContext ctx) {
            super.onInitialLineEncoded(header, ctx);
            if (header instanceof HttpResponsePacket response && answeredByTheApi(response)) {
                response.getProcessingState().setKeepAlive(true);
                response.getHeaders().removeHeader(Header.Connection);
            }
        }

        private static boolean answeredByTheApi(HttpResponsePacket response) {
            int status = response.getStatus();
            boolean errorGrizzlyWouldDrop = status == 400 || status == 500 || status == 503;
            return errorGrizzlyWouldDrop
                    && !response.getProcessingState().isError()
                    && response.getRequest() != null
                    && !response.getRequest().isContentBroken()
                    && !"close".equalsIgnoreCase(response.getRequest().getHeader(Header.Connection));
        }
    }
}
