package dev.strata.domain.volume;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.Text;
import dev.strata.domain.node.Allocation;
import java.util.Locale;
import java.util.Objects;

/**
 * What a client asks a volume to be. Two requests with equal specs are the same request, which is
 * what makes volume creation idempotent.
 *
 * @param capacity                bytes, whole GiB, at least 1 GiB
 * @param reservedSpacePercentage the share of the size a THIN replica reserves on its node
 */
public record VolumeSpec(
        String alias,
        long capacity,
        Provisioning provisioning,
        int reservedSpacePercentage,
        String protocol,
        StorageClass storageClass) {

    public static final int MAX_ALIAS = 255;
    public static final int DEFAULT_RESERVED_SPACE_PERCENTAGE = 10;
    public static final String NVME_OF = "NVMeoF";

    public VolumeSpec {
        alias = alias(alias);
        requireCapacity("capacity", capacity);
        Objects.requireNonNull(provisioning);
        requirePercentage("reservedSpacePercentage", reservedSpacePercentage);
        protocol = protocol(protocol);
        Objects.requireNonNull(storageClass);
    }

    public static String alias(String alias) {
        return Text.required("alias", alias, MAX_ALIAS);
    }

    /** A volume's size: whole GiB, from 1 GiB to {@link Bytes#MAX_CAPACITY}. */
    public static void requireCapacity(String field, long capacity) {
        if (capacity < Bytes.GIB) {
            throw DomainException.invalidInput(field + " must be at least 1 GiB");
        }
        if (capacity > Bytes.MAX_CAPACITY) {
            throw DomainException.invalidInput(field + " must be at most " + Bytes.toGiB(Bytes.MAX_CAPACITY) + " GiB");
        }
        if (capacity % Bytes.GIB != 0) {
            throw DomainException.invalidInput(field + " must be whole GiB");
        }
    }

    public static void requirePercentage(String field, int percentage) {
        if (percentage < 0 || percentage > 100) {
            throw DomainException.invalidInput(field + " must be between 0 and 100");
        }
    }

    private static String protocol(String value) {
        if (value == null || value.strip().toLowerCase(Locale.ROOT).equals("nvmeof")) {
            return NVME_OF;
        }
        throw DomainException.invalidInput("protocol must be NVMeoF");
    }

    public VolumeSpec withAlias(String newAlias) {
        return new VolumeSpec(newAlias, capacity, provisioning, reservedSpacePercentage, protocol, storageClass);
    }

    public VolumeSpec withCapacity(long newCapacity) {
        return new VolumeSpec(alias, newCapacity, provisioning, reservedSpacePercentage, protocol, storageClass);
    }

    /**
     * What each replica takes from its node: THICK the whole size, THIN its reserve rounded up to a
     * whole GiB; either way the size is promised, and the desired IOPS and bandwidth are reserved.
     */
    public Allocation replicaAllocation() {
        long media = switch (provisioning) {
            case THICK -> capacity;
            case THIN -> reserve(capacity, reservedSpacePercentage);
        };
        return new Allocation(media, capacity, desiredIops(), desiredBandwidth());
    }

    /** {@code percentage} of {@code capacity}, rounded up to a whole GiB. */
    public static long reserve(long capacity, int percentage) {
        long exact = Math.multiplyExact(capacity, (long) percentage);
        return Bytes.ceilToGiB(exact / 100 + (exact % 100 == 0 ? 0 : 1));
    }

    public long maxIops() {
        return Math.multiplyExact(storageClass.maxIopsPerGb(), Bytes.toGiB(capacity));
    }

    public long desiredIops() {
        return Math.multiplyExact(storageClass.desiredIopsPerGb(), Bytes.toGiB(capacity));
    }

    public long maxBandwidth() {
        return Math.multiplyExact(storageClass.maxBwPerGb(), Bytes.toGiB(capacity));
    }

    public long desiredBandwidth() {
        return Math.multiplyExact(storageClass.desiredBwPerGb(), Bytes.toGiB(capacity));
    }
}
