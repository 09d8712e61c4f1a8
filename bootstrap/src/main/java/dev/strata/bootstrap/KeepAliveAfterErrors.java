package dev.strata.bootstrap;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Keeps connections open after the API's own error answers. Grizzly drops the connection after
 * every 400, 500 and 503, as httpd does for broken requests; but our 400 is a well-framed request
 * with bad JSON, and clients reuse one connection across errors. Grizzly's own parse errors (a
 * broken request line or headers) still close the connection.
 */
final class KeepAliveAfterErrors implements AddOn {

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

        // The constructor Grizzly's own HttpServer uses for this filter.
        @SuppressWarnings("deprecation")
        Codec(boolean chunking, int maxHeaderSize, org.glassfish.grizzly.http.KeepAlive keepAlive, int maxRequestHeaders,
              int maxResponseHeaders) {
            super(chunking, maxHeaderSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
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
