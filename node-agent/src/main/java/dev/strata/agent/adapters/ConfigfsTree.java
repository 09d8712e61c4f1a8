package dev.strata.agent.adapters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The few file operations the nvmet target is driven by. Every change is one of five: mkdir of a
 * group, write of an attribute, symlink, unlink, rmdir. Paths are relative to the nvmet root.
 */
public interface ConfigfsTree {

    /** Makes a group; {@code defaultGroups} are the groups the kernel makes inside it by itself. */
    void mkdir(Path group, String... defaultGroups) throws IOException;

    void write(Path attribute, String value) throws IOException;

    void symlink(Path link, Path target) throws IOException;

    void unlink(Path link) throws IOException;

    /** Removes a group; its attributes and {@code defaultGroups} go with it, as in the kernel. */
    void rmdir(Path group, String... defaultGroups) throws IOException;

    /** An attribute's value without its trailing newline; empty if it was never written. */
    Optional<String> read(Path attribute) throws IOException;

    /** The groups (subdirectories) in a group; empty if it does not exist. */
    List<String> groups(Path group) throws IOException;

    /** The symlinks in a group, by name. */
    List<String> links(Path group) throws IOException;

    boolean exists(Path path);
}
