package dev.strata.agent.adapters;

import dev.strata.agent.model.Desired;
import dev.strata.agent.ports.BackingStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A directory of backing files, {@code DIR/<replica uuid>.img}: sparse for THIN, written with
 * zeros to its full size for THICK (so the space is really taken), grown on expand, never shrunk,
 * deleted only when retired. nvmet exports a regular file through its file back end.
 */
public final class FilePool implements BackingStore {

    static final String SUFFIX = ".img";
    private static final int CHUNK = 1 << 20;

    private final Path dir;

    public FilePool(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    private Path file(String uuid) {
        return dir.resolve(uuid + SUFFIX);
    }

    @Override
    public Map<String, Backing> inventory() throws IOException {
        Map<String, Backing> found = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new IOException("the pool directory " + dir + " does not exist");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    String name = file.getFileName().toString();
                    found.put(name.substring(0, name.length() - SUFFIX.length()), new Backing(name, Files.size(file)));
                }
            }
        }
        return found;
    }

    @Override
    public void ensure(Desired.Replica replica) throws IOException {
        Path file = file(replica.uuid());
        try (RandomAccessFile handle = new RandomAccessFile(file.toFile(), "rw")) {
            long size = handle.length();
            if (size >= replica.sizeBytes()) {
                return;
            }
            if (replica.provisioning() == Desired.Provisioning.THIN) {
                handle.setLength(replica.sizeBytes());
            } else {
                allocate(handle.getChannel(), size, replica.sizeBytes());
            }
        }
    }

    /** Writes zeros from {@code from} to {@code to}, so the blocks exist; a crash half-way resumes. */
    private static void allocate(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK);
        long at = from;
        while (at < to) {
            zeros.clear();
            zeros.limit((int) Math.min(CHUNK, to - at));
            while (zeros.hasRemaining()) {
                at += channel.write(zeros, at);
            }
        }
        channel.force(true);
    }

    @Override
    public void remove(String replicaUuid) throws IOException {
        Files.deleteIfExists(file(replicaUuid));
    }

    @Override
    public String devicePath(String replicaUuid) {
        return file(replicaUuid).toString();
    }

    @Override
    public Capacity capacity() throws IOException {
        FileStore store = Files.getFileStore(dir);
        return new Capacity(store.getTotalSpace(), store.getUsableSpace());
    }

    @Override
    public String describe() {
        return "file:" + dir;
    }

    /** Opens the pool, refusing a directory that is not there or not writable. */
    public static FilePool open(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IOException("--pool file:" + dir + ": not a writable directory");
        }
        try (FileChannel probe = FileChannel.open(dir.resolve(".strata-probe"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
            probe.size();
        }
        return new FilePool(dir);
    }
}
