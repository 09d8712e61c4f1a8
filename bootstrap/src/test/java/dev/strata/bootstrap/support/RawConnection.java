package dev.strata.bootstrap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * One HTTP/1.1 connection over a raw (TLS) socket, for requests no client library would send: broken
 * request lines, broken escapes, duplicated or oversized headers, invalid UTF-8. Reads answers framed
 * by {@code Content-Length} or chunked, and tells whether the server closed the connection.
 */
public final class RawConnection implements AutoCloseable {

    /** An answer as it came over the wire; {@code closed} when the server closed the connection after it. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean saysClose() {
            String connection = header("Connection");
            return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        }

        @Override
        public String toString() {
            String text = text();
            return "HTTP " + status + " " + headers + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** How long a read waits for the server before the test calls the request unanswered. */
    public static final int TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawConnection(URI base, SSLContext tls) throws IOException {
        socket = tls == null ? new Socket(base.getHost(), base.getPort())
                : tls.getSocketFactory().createSocket(base.getHost(), base.getPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public void send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    /**
     * Sends each request on one new connection and reads its answer. Stops early, with fewer
     * answers, if the server closes the connection.
     */
    public static List<Answer> exchange(URI base, SSLContext tls, String... requests) throws IOException {
        List<Answer> answers = new ArrayList<>();
        try (RawConnection connection = new RawConnection(base, tls)) {
            for (String request : requests) {
                Answer answer = connection.exchange(request.getBytes(StandardCharsets.UTF_8));
                if (answer == null) {
                    break;
                }
                answers.add(answer);
            }
        }
        return answers;
    }

    /** Sends a request and reads its answer; {@code null} when the server closed without one. */
    public Answer exchange(byte[] request) throws IOException {
        try {
            send(request);
        } catch (IOException closed) {
            // the server may refuse half way through a large request, and still have answered
        }
        return read();
    }

    /** The next answer; {@code null} when the connection ended before one. */
    public Answer read() throws IOException {
        String statusLine;
        try {
            statusLine = line();
        } catch (SocketTimeoutException timeout) {
            throw timeout;
        } catch (IOException reset) {
            return null;
        }
        if (statusLine == null) {
            return null;
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                chunks.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers carry nothing we read
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = new byte[0];
        }
        return new Answer(status, headers, body);
    }

    /**
     * Whether the server still serves this connection: a request for {@code /healthz} gets its 200.
     * A connection the server closed, or answers a broken request on, is not usable.
     */
    public boolean usable() {
        try {
            Answer answer = exchange("GET /healthz HTTP/1.1\r\nHost: strata\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return answer != null && answer.status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private int chunkSize() throws IOException {
        String size = line();
        if (size == null) {
            throw new IOException("the connection ended inside a chunked body");
        }
        int semicolon = size.indexOf(';');
        return Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
