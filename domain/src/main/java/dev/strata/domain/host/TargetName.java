package dev.strata.domain.host;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A target's NQN: Strata's own prefix, then the host it serves,
 * {@code nqn.2026-11.dev.strata:host:<host id>}. One name per host, the same on every node
 * (KumoScale's target connection sharing): each node exports its own subsystem under it, with its
 * own controller-id range, and the host's kernel joins them as one subsystem with several paths.
 * Stable, so a host reconnects to the name it knew. A host id is at most 64 characters, so the name
 * stays far below the 223 bytes an NQN may have.
 */
public record TargetName(String value) {

    /** The NQN prefix of everything Strata names: {@code nqn.<yyyy-mm>.<reversed domain>}. */
    public static final String STRATA_PREFIX = "nqn.2026-11.dev.strata";

    public TargetName {
        Objects.requireNonNull(value);
        if (value.getBytes(StandardCharsets.UTF_8).length > HostNqn.MAX_BYTES) {
            throw new IllegalArgumentException("an NQN has at most " + HostNqn.MAX_BYTES + " bytes: " + value);
        }
    }

    public static TargetName of(HostId host) {
        return new TargetName(STRATA_PREFIX + ":host:" + host.value());
    }

    /**
     * The NVMe serial number of the subsystem of this name ({@code attr_serial}): 20 hex digits of
     * the name's SHA-256, so every node exporting this name gives the same one.
     */
    public String serial() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
