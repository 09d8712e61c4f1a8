package dev.strata.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS load against a running Strata, trusting its certificate.
 *
 * <pre>
 * Load create BASE_URL CERT CLIENTS SECONDS   concurrent creates, each client on its own connection
 * Load page   BASE_URL CERT REQUESTS          GET /volumes?limit=100 from random places, one at a time
 * Load list   BASE_URL CERT                   GET /volumes, the whole list, read as it streams
 * Load publish BASE_URL CERT CLIENTS SECONDS  publish + unpublish round trips, each client its own host and volume
 * </pre>
 */
public final class Load {

    private Load() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[1].endsWith("/") ? args[1] : args[1] + "/");
        SSLContext tls = trusting(Path.of(args[2]));
        switch (args[0]) {
            case "create" -> create(base, tls, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "page" -> page(base, tls, Integer.parseInt(args[3]));
            case "list" -> list(base, tls);
            case "publish" -> publish(base, tls, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("create, page, list or publish");
        }
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("strata", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Every request authenticates as the seeded admin, with Basic, as a KumoScale script would. */
    private static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("admin:" + Seed.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(600))
                .header("Content-Type", "application/json")
                .header("Authorization", AUTHORIZATION);
    }

    private static void create(URI base, SSLContext tls, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                HttpClient http = client(tls);
                Random random = new Random(1_000 + client);
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
                    String body = "{\"alias\": \"load-" + uuid + "\", \"capacity\": " + (1 + random.nextInt(100))
                            + ", \"uuid\": \"" + uuid + "\", \"provisioningType\": \"THIN\", \"protocol\": \"NVMeoF\","
                            + " \"storageClass\": {\"numReplicas\": " + (1 + random.nextInt(3)) + "}}";
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request(base, "volumes")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies[n++] = System.nanoTime() - start;
                    synchronized (statuses) {
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = joined(results);
        pool.shutdown();
        System.out.printf("creates: %d in %d s with %d clients = %.0f volumes/s; statuses %s%n", all.length, seconds,
                clients, all.length / (double) seconds, statuses);
        printLatencies(all);
    }

    /**
     * Each client probes its own host, creates its own writable volume with two replicas, then
     * publishes it and unpublishes it again as fast as it can, on its own connection: one round
     * trip is two requests, each one write transaction. Five seconds of the same load first warm
     * the server up and are not counted.
     */
    private static void publish(URI base, SSLContext tls, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Map<Integer, Integer> statuses = new TreeMap<>();
        CyclicBarrier ready = new CyclicBarrier(clients);
        long[] window = new long[2];
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                HttpClient http = client(tls);
                UUID host = new UUID(0x5354524154410000L + client, System.nanoTime());
                String volume = UUID.randomUUID().toString();
                expect(http.send(request(base, "host_probe").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"hostNqn\": \"nqn.2014-08.org.nvmexpress:uuid:" + host + "\", \"hostId\": \"" + host
                                + "\", \"name\": \"bench-" + client + "\", \"clientType\": \"Agent\","
                                + " \"version\": \"bench\", \"duration\": 30}")).build(),
                        HttpResponse.BodyHandlers.ofString()), 200);
                expect(http.send(request(base, "volumes").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"alias\": \"bench-publish-" + volume + "\", \"capacity\": 10, \"uuid\": \"" + volume
                                + "\", \"provisioningType\": \"THIN\", \"storageClass\": {\"numReplicas\": 2}}"))
                        .build(), HttpResponse.BodyHandlers.ofString()), 201);
                String body = "{\"hostId\": \"" + host + "\", \"volId\": \"" + volume + "\"}";
                synchronized (window) {
                    if (window[0] == 0) {
                        window[0] = System.nanoTime() + 5_000_000_000L;
                        window[1] = window[0] + seconds * 1_000_000_000L;
                    }
                }
                ready.await();
                long[] latencies = new long[1 << 20];
                int n = 0;
                long now;
                while ((now = System.nanoTime()) < window[1]) {
                    HttpResponse<String> published = http.send(request(base, "publish")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> unpublished = http.send(request(base, "unpublish")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (now >= window[0]) {
                        latencies[n++] = System.nanoTime() - now;
                        synchronized (statuses) {
                            statuses.merge(published.statusCode(), 1, Integer::sum);
                            statuses.merge(unpublished.statusCode(), 1, Integer::sum);
                        }
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = joined(results);
        pool.shutdown();
        System.out.printf("publish + unpublish: %d round trips in %d s with %d clients = %.0f round trips/s"
                + " (%.0f requests/s); statuses %s%n", all.length, seconds, clients, all.length / (double) seconds,
                2 * all.length / (double) seconds, statuses);
        printLatencies(all);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    /** Every client's latencies, in one array. */
    private static long[] joined(List<Future<long[]>> results) throws Exception {
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] mine = result.get();
            long[] merged = Arrays.copyOf(all, all.length + mine.length);
            System.arraycopy(mine, 0, merged, all.length, mine.length);
            all = merged;
        }
        return all;
    }

    private static void page(URI base, SSLContext tls, int requests) throws Exception {
        HttpClient http = client(tls);
        Random random = new Random(1);
        long[] latencies = new long[requests];
        int warmup = Math.min(500, requests);
        long bytes = 0;
        for (int i = -warmup; i < requests; i++) {
            String after = new UUID(random.nextLong(), random.nextLong()).toString();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request(base, "volumes?limit=100&after=" + after).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            if (i >= 0) {
                latencies[i] = took;
                bytes += response.body().length;
            }
        }
        System.out.printf("pages of 100: %d requests, %d bytes each on average%n", requests, bytes / requests);
        printLatencies(latencies);
    }

    private static void list(URI base, SSLContext tls) throws Exception {
        HttpClient http = client(tls);
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request(base, "volumes").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = System.nanoTime() - start;
        long volumes = 0;
        CountingStream counted = new CountingStream(response.body());
        try (JsonParser parser = new JsonFactory().createParser(counted)) {
            int depth = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (depth == 1 && token == JsonToken.START_OBJECT) {
                        volumes++;
                    }
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("whole list: HTTP %d, %d volumes, %.1f MB in %.2f s (first byte after %d ms), %s%n",
                response.statusCode(), volumes, counted.count / 1e6, seconds, firstByte / 1_000_000,
                response.headers().firstValue("Transfer-Encoding").map(t -> "Transfer-Encoding: " + t)
                        .orElse("Content-Length: " + response.headers().firstValue("Content-Length").orElse("?")));
    }

    private static void printLatencies(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n", percentile(sorted, 0.50),
                percentile(sorted, 0.90), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
