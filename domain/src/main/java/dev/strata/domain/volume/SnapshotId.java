package dev.strata.domain.volume;

/** A snapshot's id: a UUID, kept lower case. */
public record SnapshotId(String value) {

    public SnapshotId {
        value = Uuids.canonical("snapshot id", value);
    }

    /** Parses what a client sent in the field {@code field}; bad input names that field. */
    public static SnapshotId parse(String field, String value) {
        return new SnapshotId(Uuids.canonical(field, value));
    }

    public static SnapshotId generate() {
        return new SnapshotId(Uuids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
