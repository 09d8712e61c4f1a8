package dev.strata.bootstrap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/** Raw HTTP/1.1 on one connection, for what a client library hides: keep-alive, exact framing. */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends each request on one connection and reads its response. Stops early, with fewer
     * responses, if the server closes the connection.
     */
    public static List<String> exchange(URI base, SSLContext tls, String... requests) throws IOException {
        List<String> responses = new ArrayList<>();
        try (Socket socket = tls == null ? new Socket(base.getHost(), base.getPort())
                : tls.getSocketFactory().createSocket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (String request : requests) {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                String response = readResponse(in);
                if (response == null) {
                    break;
                }
                responses.add(response);
            }
        }
        return responses;
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b;
            try {
                b = in.read();
            } catch (IOException closed) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
