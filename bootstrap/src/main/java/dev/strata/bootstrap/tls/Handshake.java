package dev.strata.bootstrap.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/** Drives a TLS handshake between two engines through memory buffers. */
final class Handshake {

    private static final int MAX_STEPS = 200;

    private Handshake() {
    }

    static void run(SSLEngine client, SSLEngine server) throws IOException {
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int application = Math.max(client.getSession().getApplicationBufferSize(),
                server.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(packet * 4);
        ByteBuffer toClient = ByteBuffer.allocate(packet * 4);
        ByteBuffer sink = ByteBuffer.allocate(application * 2);
        ByteBuffer nothing = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < MAX_STEPS; step++) {
            if (done(client) && done(server)) {
                return;
            }
            advance(client, nothing, toServer, toClient, sink);
            advance(server, nothing, toClient, toServer, sink);
        }
        throw new SSLException("the warm-up handshake did not finish");
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.FINISHED || status == HandshakeStatus.NOT_HANDSHAKING;
    }

    /** One step of {@code engine}: run its tasks, write what it has to say, read what came to it. */
    private static void advance(SSLEngine engine, ByteBuffer nothing, ByteBuffer outgoing, ByteBuffer incoming,
                                ByteBuffer sink) throws SSLException {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            engine.wrap(nothing, outgoing);
        }
        incoming.flip();
        if (incoming.hasRemaining() && engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
            sink.clear();
            engine.unwrap(incoming, sink);
        }
        incoming.compact();
    }
}
