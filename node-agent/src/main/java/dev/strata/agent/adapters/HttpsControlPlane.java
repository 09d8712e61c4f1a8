package dev.strata.agent.adapters;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.model.Desired;
import dev.strata.agent.model.Observed;
import dev.strata.agent.ports.ControlPlane;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Strata over HTTPS (API.md §8) with the JDK's HttpClient, HTTP/1.1 and a bearer token. The
 * addresses are tried in the order given, starting from the last one that answered; a network
 * failure or a 5xx moves to the next. A 401 or 403 is final. The token is never logged.
 */
public final class HttpsControlPlane implements ControlPlane {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);

    private final List<URI> urls;
    private final String node;
    private final String token;
    private final HttpClient http;
    private volatile int preferred;

    public HttpsControlPlane(List<URI> urls, String node, String token, SSLContext tls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one URL");
        }
        this.urls = List.copyOf(urls);
        this.node = node;
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The address that answered last: where the next call starts. */
    public URI current() {
        return urls.get(preferred);
    }

    @Override
    public Desired desired(OptionalLong after, int waitSeconds) throws ControlPlaneException {
        int wait = Math.max(0, Math.min(60, waitSeconds));
        String query = "?wait=" + wait + (after.isPresent() ? "&after=" + after.getAsLong() : "");
        String body = call(base -> HttpRequest.newBuilder(base.resolve(path("desired") + query))
                .timeout(Duration.ofSeconds(wait).plus(ANSWER_MARGIN)).GET());
        try {
            return JSON.readValue(body, Desired.class);
        } catch (IOException | RuntimeException e) {
            throw new ControlPlaneException(ControlPlaneException.Kind.REJECTED,
                    "Strata sent a desired state the agent cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void observed(Observed report) throws ControlPlaneException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new ControlPlaneException(ControlPlaneException.Kind.REJECTED, "cannot write the report", e);
        }
        call(base -> HttpRequest.newBuilder(base.resolve(path("observed"))).timeout(ANSWER_MARGIN)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    /** The JSON the agent sends for a report, exactly as on the wire. */
    public static String json(Observed report) throws IOException {
        return JSON.writeValueAsString(report);
    }

    private String path(String endpoint) {
        return "v1/agent/nodes/" + URLEncoder.encode(node, StandardCharsets.UTF_8).replace("+", "%20") + "/" + endpoint;
    }

    private String call(Function<URI, HttpRequest.Builder> request) throws ControlPlaneException {
        StringBuilder failures = new StringBuilder();
        int start = preferred;
        for (int i = 0; i < urls.size(); i++) {
            int index = (start + i) % urls.size();
            URI base = urls.get(index);
            URI withSlash = base.getPath().endsWith("/") ? base : URI.create(base + "/");
            HttpRequest built = request.apply(withSlash).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").header("Content-Type", "application/json").build();
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures.append(failures.length() == 0 ? "" : "; ").append(base).append(": ")
                        .append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ControlPlaneException(ControlPlaneException.Kind.UNREACHABLE, "interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                preferred = index;
                return response.body();
            }
            if (status == 401 || status == 403) {
                preferred = index;
                throw new ControlPlaneException(ControlPlaneException.Kind.REFUSED, base + " answered " + status
                        + " " + description(response.body()), null);
            }
            if (status >= 500) {
                failures.append(failures.length() == 0 ? "" : "; ").append(base).append(": ").append(status);
                continue;
            }
            preferred = index;
            throw new ControlPlaneException(ControlPlaneException.Kind.REJECTED, base + " answered " + status + " "
                    + description(response.body()), null);
        }
        throw new ControlPlaneException(ControlPlaneException.Kind.UNREACHABLE, "no Strata answered: " + failures, null);
    }

    private static String description(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.hasNonNull("description")) {
                return "(" + error.path("status").asText() + ": " + error.get("description").asText() + ")";
            }
        } catch (IOException | RuntimeException e) {
            // not the §2 body; the status says enough
        }
        return "";
    }

    /** TLS that trusts the CA certificates in a PEM file, and only those. */
    public static SSLContext trusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IOException(caFile + " holds no PEM certificate");
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** TLS that accepts any certificate and name ({@code --insecure}): for a first test only. */
    public static SSLContext insecure() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AnyCertificate()}, null);
        return context;
    }

    public static SSLContext systemDefault() throws GeneralSecurityException {
        return SSLContext.getDefault();
    }

    private static final class AnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
