package dev.strata.agent.adapters;

import dev.strata.agent.model.Desired;
import dev.strata.agent.ports.BackingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file the agent appends every change it made to, one per line, fields separated by tabs, in the
 * order made: the five configfs changes ({@code mkdir}, {@code write}, {@code symlink},
 * {@code unlink}, {@code rmdir}, paths relative to the nvmet root) and the backing store's
 * ({@code backing-ensure}, {@code backing-remove}). A change is written once it succeeded. Off
 * unless the JVM is started with {@code -Dstrata.agent.journal=FILE}: it is how the end-to-end
 * tests replay what real agent processes did against the kernel's rules, and an aid for anyone
 * wondering what an agent changed on a node.
 */
public final class Journal {

    public static final String PROPERTY = "strata.agent.journal";

    private final Path file;

    public Journal(Path file) {
        this.file = file;
    }

    /** The journal the JVM was started with, if any. */
    public static Optional<Journal> configured() {
        String file = System.getProperty(PROPERTY);
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(new Journal(Path.of(file)));
    }

    private synchronized void append(String... fields) throws IOException {
        Files.writeString(file, String.join("\t", fields) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public ConfigfsTree around(ConfigfsTree tree) {
        return new ConfigfsTree() {
            @Override
            public void mkdir(Path group, String... defaultGroups) throws IOException {
                tree.mkdir(group, defaultGroups);
                append("mkdir", group.toString(), String.join(",", defaultGroups));
            }

            @Override
            public void write(Path attribute, String value) throws IOException {
                tree.write(attribute, value);
                append("write", attribute.toString(), value);
            }

            @Override
            public void symlink(Path link, Path target) throws IOException {
                tree.symlink(link, target);
                append("symlink", link.toString(), target.toString());
            }

            @Override
            public void unlink(Path link) throws IOException {
                tree.unlink(link);
                append("unlink", link.toString());
            }

            @Override
            public void rmdir(Path group, String... defaultGroups) throws IOException {
                tree.rmdir(group, defaultGroups);
                append("rmdir", group.toString(), String.join(",", defaultGroups));
            }

            @Override
            public Optional<String> read(Path attribute) throws IOException {
                return tree.read(attribute);
            }

            @Override
            public List<String> groups(Path group) throws IOException {
                return tree.groups(group);
            }

            @Override
            public List<String> links(Path group) throws IOException {
                return tree.links(group);
            }

            @Override
            public boolean exists(Path path) {
                return tree.exists(path);
            }
        };
    }

    public BackingStore around(BackingStore store) {
        return new BackingStore() {
            @Override
            public Map<String, Backing> inventory() throws IOException {
                return store.inventory();
            }

            @Override
            public void ensure(Desired.Replica replica) throws IOException {
                store.ensure(replica);
                append("backing-ensure", replica.uuid(), Long.toString(replica.sizeBytes()));
            }

            @Override
            public void remove(String replicaUuid) throws IOException {
                store.remove(replicaUuid);
                append("backing-remove", replicaUuid);
            }

            @Override
            public String devicePath(String replicaUuid) {
                return store.devicePath(replicaUuid);
            }

            @Override
            public Capacity capacity() throws IOException {
                return store.capacity();
            }

            @Override
            public String describe() {
                return store.describe();
            }
        };
    }
}
