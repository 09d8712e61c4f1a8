package dev.strata.domain.volume;

/** A replica's id: a UUID, kept lower case. It is also the NVMe namespace UUID hosts see. */
public record ReplicaId(String value) {

    public ReplicaId {
        value = Uuids.canonical("replica id", value);
    }

    /** Parses what a client sent in the field {@code field}; bad input names that field. */
    public static ReplicaId parse(String field, String value) {
        return new ReplicaId(Uuids.canonical(field, value));
    }

    public static ReplicaId generate() {
        return new ReplicaId(Uuids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
