package dev.strata.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.tls.Pem;
import dev.strata.bootstrap.tls.Trust;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * KumoScale's {@code generate-token}: asks a running Strata for an access token of a user and
 * prints {@code Token: <token>}.
 */
@Command(name = "generate-token", mixinStandardHelpOptions = true,
        description = "Create an access token for a user of a running Strata and print it.")
final class GenerateTokenCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", required = true, description = "Strata's address, e.g. https://127.0.0.1:8090")
    URI url;

    @Option(names = "--name", required = true, description = "The user the token is for (and who signs in).")
    String name;

    @Option(names = "--password", required = true, description = "That user's password.")
    String password;

    @Option(names = "--expiration", required = true,
            description = "Seconds until the token expires, or -1 for never.")
    long expiration;

    @Option(names = "--cacert", description = "PEM CA (or certificate) to trust for Strata's certificate.")
    Path caCertificate;

    @Option(names = {"--insecure", "-k"}, description = "Skip certificate verification, like curl -k.")
    boolean insecure;

    @Override
    public Integer call() throws Exception {
        if (expiration == 0 || expiration < -1) {
            throw new IllegalArgumentException("--expiration is a positive number of seconds, or -1 for never");
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("user").put("name", name);
        if (expiration != -1) {
            body.put("expiration_time", Instant.now().plusSeconds(expiration).toString());
        }
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/v1/auth/access-tokens/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = parse(response.body());
        String token = answer.path("bearer_token").asText("");
        if (response.statusCode() != 201 || token.isEmpty()) {
            String why = answer.path("description").asText("");
            throw new IllegalStateException("Strata answered HTTP " + response.statusCode()
                    + (why.isEmpty() ? "" : ": " + why));
        }
        System.out.println("Token: " + token);
        return 0;
    }

    private HttpClient client() throws IOException, GeneralSecurityException {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (insecure) {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {Trust.anyServer()}, null);
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm("");
            builder.sslContext(context).sslParameters(parameters);
        } else if (caCertificate != null) {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, Trust.of(Pem.readCertificates(caCertificate)), null);
            builder.sslContext(context);
        }
        return builder.build();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
