package dev.strata.adapters.rest;

import static dev.strata.adapters.rest.support.Unexpected.useCase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.provisioner.BackendResource;
import dev.strata.adapters.rest.support.RestServer;
import dev.strata.application.port.in.node.GetNodeUseCase;
import dev.strata.application.port.in.node.ListNodesUseCase;
import dev.strata.application.port.in.node.RegisterNodeUseCase;
import dev.strata.application.port.in.node.RemoveNodeUseCase;
import dev.strata.application.port.in.node.UpdateNodeUseCase;
import dev.strata.domain.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request pipeline's own answers (500 without detail, 413), over a raw socket. */
class RestApiTest {

    private static RestServer server;
    private static int port;

    @BeforeAll
    static void start() {
        ListNodesUseCase failing = caller -> {
            throw new IllegalStateException("jdbc:sqlite:/secret/path SELECT * FROM users");
        };
        RegisterNodeUseCase register = (caller, declaration) -> {
            throw DomainException.alreadyExists("exists");
        };
        server = RestServer.serving(new BackendResource(register, failing, useCase(GetNodeUseCase.class),
                useCase(UpdateNodeUseCase.class), useCase(RemoveNodeUseCase.class), caller -> java.util.Map.of()));
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
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
