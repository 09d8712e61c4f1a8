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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A closed-loop HTTPS load generator: N clients, each on its own keep-alive connection, send one
 * request after another for a warm-up and then a measured period. Prints requests per second and
 * latency percentiles. Run with: java bench/LoadGenerator.java NAME URL CERT CLIENTS WARMUP_S MEASURE_S [HEADER VALUE]
 */
public class LoadGenerator {

    public static void main(String[] args) throws Exception {
        String name = args[0];
        URI url = URI.create(args[1]);
        Path certificate = Path.of(args[2]);
        int clients = Integer.parseInt(args[3]);
        int warmUp = Integer.parseInt(args[4]);
        int measure = Integer.parseInt(args[5]);
        String header = args.length > 6 ? args[6] : null;
        String value = args.length > 7 ? args[7] : null;

        SSLContext tls = trusting(certificate);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> latencies = new ArrayList<>();
        long[] errors = new long[clients];
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[4_000_000];
            latencies.add(mine);
            int index = c;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                HttpRequest.Builder builder = HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(30));
                if (header != null) {
                    builder.header(header, value);
                }
                HttpRequest request = builder.build();
                int count = 0;
                ready.countDown();
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        try (InputStream body = response.body()) {
                            body.transferTo(java.io.OutputStream.nullOutputStream());
                        }
                        if (response.statusCode() != 200) {
                            errors[index]++;
                            continue;
                        }
                    } catch (Exception e) {
                        errors[index]++;
                        continue;
                    }
                    if (measuring.get() && count < mine.length) {
                        mine[count++] = System.nanoTime() - start;
                    }
                }
                mine[mine.length - 1] = count;
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        Thread.sleep(warmUp * 1000L);
        Arrays.fill(errors, 0);
        measuring.set(true);
        long begun = System.nanoTime();
        Thread.sleep(measure * 1000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - begun;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        int total = 0;
        for (long[] mine : latencies) {
            total += (int) mine[mine.length - 1];
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] mine : latencies) {
            int count = (int) mine[mine.length - 1];
            System.arraycopy(mine, 0, all, at, count);
            at += count;
        }
        Arrays.sort(all);
        long failed = Arrays.stream(errors).sum();
        System.out.printf("%-16s %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d requests, %d failed, %d clients)%n",
                name, total / (elapsed / 1e9), percentile(all, 0.50), percentile(all, 0.99), total, failed, clients);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
