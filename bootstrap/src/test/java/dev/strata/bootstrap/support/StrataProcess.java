package dev.strata.bootstrap.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code strata serve} in a process of its own, for what only a real process shows: signals, crashes. */
public final class StrataProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("Serving HTTPS on (https://\\S+/)");

    private final Process process;
    private final Path log;
    private final URI baseUri;

    private StrataProcess(Process process, Path log, URI baseUri) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
    }

    /** Starts {@code strata serve --port 0 --data-dir dataDir args…} and waits until it serves. */
    public static StrataProcess start(Path dataDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return start(dataDir, 0, environment, args);
    }

    /** Starts {@code strata serve --port port …}: a fixed port, so clients find it again after a restart. */
    public static StrataProcess start(Path dataDir, int port, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classPath(), "dev.strata.bootstrap.cli.Main", "serve", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(dataDir);
        Path log = Files.createTempFile(dataDir.getParent(), "strata-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Matcher serving = SERVING.matcher(Files.readString(log));
            if (serving.find()) {
                return new StrataProcess(process, log, URI.create(serving.group(1)));
            }
            if (!process.isAlive()) {
                throw new AssertionError("strata exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("strata did not start within 60 s:\n" + Files.readString(log));
    }

    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire.replace(' ', File.pathSeparatorChar) : System.getProperty("java.class.path");
    }

    public URI baseUri() {
        return baseUri;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, then waits for the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("strata did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
