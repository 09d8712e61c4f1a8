package dev.strata.domain.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final HostId A = new HostId("host-a");
    private static final HostId B = new HostId("host-b");

    private static Volume volume(boolean writable) {
        return Volume.create(VolumeId.generate(), TenantId.DEFAULT,
                new VolumeSpec("v", Bytes.GIB, Provisioning.THIN, 10, null, StorageClass.DEFAULT),
                writable ? Optional.empty() : Optional.of(SnapshotId.generate()), writable,
                List.of(NodeId.generate()), NOW);
    }

    @Test
    void aWritableVolumeGoesToOneHostAtATime() {
        Volume volume = volume(true);
        Publication toA = Publication.of(volume, A, List.of(), NOW).orElseThrow();

        assertThat(toA.exclusive()).isTrue();
        assertThat(Publication.of(volume, A, List.of(toA), NOW)).as("again to the same host").isEmpty();
        assertThatThrownBy(() -> Publication.of(volume, B, List.of(toA), NOW)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.ALREADY_PUBLISHED);
    }

    @Test
    void aReadOnlyVolumeGoesToManyHosts() {
        Volume volume = volume(false);
        Publication toA = Publication.of(volume, A, List.of(), NOW).orElseThrow();

        Publication toB = Publication.of(volume, B, List.of(toA), NOW).orElseThrow();

        assertThat(toB.exclusive()).isFalse();
        assertThat(Publication.of(volume, B, List.of(toA, toB), NOW)).isEmpty();
    }
}
