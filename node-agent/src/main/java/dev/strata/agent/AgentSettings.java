package dev.strata.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent's settings, checked: every problem is one line saying which setting and why. The token
 * comes only from a file, never from the command line (flags show in {@code ps}).
 */
public record AgentSettings(List<URI> urls, String node, String token, Pool pool, Path configfs,
        int intervalSeconds, Optional<Path> caFile, boolean insecure) {

    public static final int MAX_INTERVAL_SECONDS = 3600;

    /** {@code file:DIR} or {@code lvm:VG[/THINPOOL]}. */
    public sealed interface Pool permits FilePool, LvmPool {
    }

    public record FilePool(Path dir) implements Pool {
    }

    public record LvmPool(String volumeGroup, Optional<String> thinPool) implements Pool {
    }

    @Override
    public String toString() {
        // never the token
        return "AgentSettings[urls=" + urls + ", node=" + node + ", pool=" + pool + ", configfs=" + configfs
                + ", interval=" + intervalSeconds + "]";
    }

    public static AgentSettings of(String urls, String node, Path tokenFile, String pool, Path configfs,
            int intervalSeconds, Path caFile, boolean insecure) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("--url is required: Strata's address, e.g. https://strata.example:8090");
        }
        List<URI> parsed = new ArrayList<>();
        for (String text : urls.split(",")) {
            URI url;
            try {
                url = new URI(text.strip());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("--url " + text.strip() + ": not a URL");
            }
            if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException("--url " + text.strip() + ": must be https://HOST[:PORT]");
            }
            parsed.add(url);
        }
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("--node is required: this storage node's persistentID");
        }
        if (tokenFile == null) {
            throw new IllegalArgumentException("--token-file is required: a file holding the agent's access token");
        }
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("--token-file " + tokenFile + ": cannot be read");
        }
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("--token-file " + tokenFile + ": must hold one access token");
        }
        if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
            throw new IllegalArgumentException("--interval must be 1 to " + MAX_INTERVAL_SECONDS + " seconds");
        }
        if (caFile != null && insecure) {
            throw new IllegalArgumentException("--cacert and --insecure exclude each other");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new IllegalArgumentException("--cacert " + caFile + ": cannot be read");
        }
        if (configfs == null || !Files.isDirectory(configfs)) {
            throw new IllegalArgumentException("--configfs " + configfs + ": no such directory (is the nvmet module"
                    + " loaded? modprobe nvmet nvmet-tcp)");
        }
        return new AgentSettings(List.copyOf(parsed), node.strip(), token, pool(pool), configfs, intervalSeconds,
                Optional.ofNullable(caFile), insecure);
    }

    static Pool pool(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--pool is required: file:DIR or lvm:VG[/THINPOOL]");
        }
        if (text.startsWith("file:") && text.length() > "file:".length()) {
            Path dir = Path.of(text.substring("file:".length()));
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new IllegalArgumentException("--pool " + text + ": not a writable directory");
            }
            return new FilePool(dir);
        }
        if (text.startsWith("lvm:")) {
            String[] parts = text.substring("lvm:".length()).split("/", -1);
            boolean named = parts.length >= 1 && parts.length <= 2
                    && java.util.Arrays.stream(parts).allMatch(p -> p.matches("[A-Za-z0-9+_.][A-Za-z0-9+_.-]*"));
            if (!named) {
                throw new IllegalArgumentException("--pool " + text + ": must be lvm:VG or lvm:VG/THINPOOL");
            }
            return new LvmPool(parts[0], parts.length == 2 ? Optional.of(parts[1]) : Optional.empty());
        }
        throw new IllegalArgumentException("--pool " + text + ": must be file:DIR or lvm:VG[/THINPOOL]");
    }
}
