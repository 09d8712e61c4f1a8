package dev.strata.agent.ports;

import dev.strata.agent.model.Desired;
import java.io.IOException;
import java.util.Map;

/** Where a replica's data lives on this node: one backing (a file, a logical volume) per replica. */
public interface BackingStore {

    /** A backing found in the store: its name there (file or LV name) and its size in bytes. */
    record Backing(String name, long sizeBytes) {
    }

    record Capacity(long totalBytes, long freeBytes) {
    }

    /** Every backing in the store that is named like Strata's, by the replica uuid in its name. */
    Map<String, Backing> inventory() throws IOException;

    /** Makes the replica's backing, or grows it to {@code sizeBytes}; never shrinks it. */
    void ensure(Desired.Replica replica) throws IOException;

    /** Deletes a retired replica's backing and its data. */
    void remove(String replicaUuid) throws IOException;

    /** The path the kernel target opens for this replica ({@code device_path}). */
    String devicePath(String replicaUuid);

    Capacity capacity() throws IOException;

    /** A short description for logs and dry runs: {@code file:/srv/strata}, {@code lvm:vg0/thin}. */
    String describe();
}
