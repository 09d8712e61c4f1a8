package dev.strata.agent.adapters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The nvmet tree on disk: the kernel's configfs on a storage node, or a plain directory laid out
 * like it (tests, dry runs, this build machine). On configfs the kernel makes a group's attribute
 * files and default groups itself, and removes them with the group; on a plain directory this class
 * does the same, so the target adapter above runs the same calls on both.
 */
public final class FileConfigfsTree implements ConfigfsTree {

    private final Path root;
    private final boolean kernel;

    private FileConfigfsTree(Path root, boolean kernel) {
        this.root = root;
        this.kernel = kernel;
    }

    /** The tree at {@code root}; the kernel's when {@code root} is on a configfs file system. */
    public static FileConfigfsTree open(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root + " (no nvmet configfs here: is the nvmet module loaded?)");
        }
        boolean kernel = "configfs".equals(Files.getFileStore(root).type());
        FileConfigfsTree tree = new FileConfigfsTree(root, kernel);
        if (!kernel) {
            for (String group : List.of("hosts", "subsystems", "ports")) {
                Files.createDirectories(root.resolve(group));
            }
        }
        return tree;
    }

    public boolean kernel() {
        return kernel;
    }

    public Path root() {
        return root;
    }

    @Override
    public void mkdir(Path group, String... defaultGroups) throws IOException {
        Path dir = root.resolve(group);
        Files.createDirectory(dir);
        if (!kernel) {
            for (String name : defaultGroups) {
                Files.createDirectories(dir.resolve(name));
            }
        }
    }

    @Override
    public void write(Path attribute, String value) throws IOException {
        // As `echo value > attribute`: on configfs the attribute exists and the write is the store.
        Files.writeString(root.resolve(attribute), value + "\n", StandardCharsets.US_ASCII,
                kernel ? new StandardOpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING}
                        : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING});
    }

    @Override
    public void symlink(Path link, Path target) throws IOException {
        Path at = root.resolve(link);
        Files.createSymbolicLink(at, at.getParent().relativize(root.resolve(target)));
    }

    @Override
    public void unlink(Path link) throws IOException {
        Path at = root.resolve(link);
        if (!Files.isSymbolicLink(at)) {
            throw new NoSuchFileException(at.toString());
        }
        Files.delete(at);
    }

    @Override
    public void rmdir(Path group, String... defaultGroups) throws IOException {
        Path dir = root.resolve(group);
        if (!kernel) {
            // deepest first (ana_groups/1 before ana_groups); a group still holding links or groups
            // of its own stays, and the delete below refuses as the kernel's rmdir would
            List<String> inner = new ArrayList<>(List.of(defaultGroups));
            inner.sort((x, y) -> Long.compare(y.chars().filter(c -> c == '/').count(),
                    x.chars().filter(c -> c == '/').count()));
            for (String name : inner) {
                Path defaultGroup = dir.resolve(name);
                if (Files.isDirectory(defaultGroup, LinkOption.NOFOLLOW_LINKS)) {
                    removeAttributes(defaultGroup);
                    deleteGroup(defaultGroup, group);
                }
            }
            removeAttributes(dir);
        }
        deleteGroup(dir, group);
    }

    private static void deleteGroup(Path dir, Path group) throws IOException {
        try {
            Files.delete(dir);
        } catch (DirectoryNotEmptyException e) {
            throw new DirectoryNotEmptyException(group + " still holds groups or links");
        }
    }

    private static void removeAttributes(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(entry);
                }
            }
        }
    }

    @Override
    public Optional<String> read(Path attribute) throws IOException {
        Path at = root.resolve(attribute);
        if (!Files.isRegularFile(at)) {
            return Optional.empty();
        }
        String text = Files.readString(at, StandardCharsets.US_ASCII);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\0')) {
            end--;
        }
        return Optional.of(text.substring(0, end));
    }

    @Override
    public List<String> groups(Path group) throws IOException {
        return entries(group, true);
    }

    @Override
    public List<String> links(Path group) throws IOException {
        return entries(group, false);
    }

    private List<String> entries(Path group, boolean directories) throws IOException {
        Path dir = root.resolve(group);
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                boolean link = Files.isSymbolicLink(entry);
                if (directories ? !link && Files.isDirectory(entry) : link) {
                    names.add(entry.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(root.resolve(path), LinkOption.NOFOLLOW_LINKS);
    }
}
