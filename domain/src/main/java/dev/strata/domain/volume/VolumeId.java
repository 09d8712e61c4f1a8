package dev.strata.domain.volume;

/** A volume's id: a UUID, kept lower case. */
public record VolumeId(String value) {

    public VolumeId {
        value = Uuids.canonical("volume id", value);
    }

    /** Parses what a client sent in the field {@code field}; bad input names that field. */
    public static VolumeId parse(String field, String value) {
        return new VolumeId(Uuids.canonical(field, value));
    }

    public static VolumeId generate() {
        return new VolumeId(Uuids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
