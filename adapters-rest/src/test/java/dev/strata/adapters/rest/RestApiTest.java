package dev.strata.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.application.BuildInfo;
import dev.strata.application.port.in.node.ListNodesUseCase;
import dev.strata.application.port.in.system.SystemInfo;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Principal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP layer against stubbed use cases, over a real socket. */
class RestApiTest {

    private static HttpServer server;
    private static int port;

    private static <T> T unused() {
        return null;
    }

    @BeforeAll
    static void start() {
        ListNodesUseCase failing = caller -> {
            throw new IllegalStateException("jdbc:sqlite:/secret/path SELECT * FROM users");
        };
        UseCases useCases = new UseCases(
                new UseCases.System(new BuildInfo("1.2.3", "b", "release", "today"),
                        caller -> new SystemInfo("1.2.3", AuthMode.NONE, Optional.empty()), () -> true, unused()),
                new UseCases.Sessions((credentials, origin) -> Principal.administrator("admin", AuthMethod.NONE, origin),
                        unused(), unused(), unused(), unused()),
                new UseCases.Users(unused(), unused(), unused(), unused(), unused(), unused(), unused()),
                new UseCases.Roles(unused(), unused(), unused(), unused(), unused(), unused(), unused(), unused(),
                        unused()),
                new UseCases.Tokens(unused(), unused(), unused(), unused(), unused()),
                new UseCases.Audit(unused()),
                new UseCases.Nodes((caller, declaration) -> {
                    throw DomainException.alreadyExists("exists");
                }, failing, unused(), unused(), unused(), unused(), unused()),
                unused(), unused(), unused(), new UseCases.Agents(unused(), unused(), unused()));
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                RestApi.resourceConfig(useCases), true);
        port = server.getListeners().iterator().next().getPort();
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    /** Sends raw requests on one connection and returns each raw response. */
    private static String[] exchange(String... requests) throws IOException {
        String[] responses = new String[requests.length];
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < requests.length; i++) {
                out.write(requests[i].getBytes(StandardCharsets.UTF_8));
                out.flush();
                responses[i] = readResponse(in);
            }
        }
        return responses;
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void answersUnexpectedFailuresWith500AndNoDetail() throws IOException {
        String response = exchange("GET /backends HTTP/1.1\r\nHost: x\r\n\r\n")[0];

        assertThat(response).startsWith("HTTP/1.1 500");
        assertThat(response).contains("\"status\":\"InternalError\"");
        assertThat(response).doesNotContain("jdbc").doesNotContain("SELECT").doesNotContain("IllegalState");
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimit() throws IOException {
        StringBuilder request = new StringBuilder("POST /backends HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "{\"name\": \"" + "y".repeat(60_000);
        request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        String filler = "y".repeat(65_536);
        for (int i = 0; i < 20; i++) {
            request.append(Integer.toHexString(filler.length())).append("\r\n").append(filler).append("\r\n");
        }
        request.append("0\r\n\r\n");

        String response = exchange(request.toString())[0];

        assertThat(response).startsWith("HTTP/1.1 413").contains("\"status\":\"PayloadTooLarge\"");
    }

}
