package dev.strata.adapters.persistence.sqlite;

import dev.strata.adapters.persistence.JdbiTransactions;
import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import dev.strata.domain.host.Publication;
import dev.strata.domain.host.Target;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database's own keys hold the publication rules even against code that skips the checks:
 * nsids unique per target, one exclusive publication per volume, nothing exposed without its
 * publication, its target and its replica.
 */
class SqlitePublicationKeysTest {

    private static final Instant NOW = Instant.parse("2026-02-02T00:00:00Z");

    @TempDir
    Path dir;

    private SqliteDatabase database;
    private StorageNode node;
    private Volume volume;
    private Host host;

    @BeforeEach
    void aVolumePublishedToAHost() {
        database = SqliteDatabase.open(dir.resolve("strata.db"));
        node = StorageNode.register(NodeId.generate(), 1, aNode().build(), NOW);
        volume = Volume.create(VolumeId.generate(), TenantId.DEFAULT, new VolumeSpec("v", Bytes.GIB, Provisioning.THIN,
                10, null, StorageClass.DEFAULT), Optional.empty(), true, List.of(node.id()), NOW);
        host = Host.register(new HostId("h1"), new HostDetails(new HostNqn("nqn.2014-08.com.example:h1"), "h1", "", "",
                Duration.ofSeconds(30)), NOW);
        database.transactions().write(() -> {
            database.nodes().add(node);
            database.volumes().add(volume);
            database.hosts().add(host);
            database.publications().add(new Publication(volume.id(), host.id(), true, NOW));
            Target target = Target.open(host.id(), node.id(), NOW);
            target.expose(volume.replicas().get(0).id(), volume.id(), TenantId.DEFAULT);
            database.publications().save(target);
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void sql(String statement, Object... arguments) {
        database.transactions().write(() -> {
            Handle handle = ((JdbiTransactions) database.transactions()).writeHandle().handle();
            var update = handle.createUpdate(statement);
            for (int i = 0; i < arguments.length; i++) {
                update.bind(i, arguments[i]);
            }
            update.execute();
        });
    }

    @Test
    void refusesASecondNamespaceWithTheSameNsidInATarget() {
        Volume other = Volume.create(VolumeId.generate(), TenantId.DEFAULT, new VolumeSpec("w", Bytes.GIB,
                Provisioning.THIN, 10, null, StorageClass.DEFAULT), Optional.empty(), false, List.of(node.id()), NOW);
        database.transactions().write(() -> {
            database.volumes().add(other);
            database.publications().add(new Publication(other.id(), host.id(), false, NOW));
        });

        assertThatThrownBy(() -> sql("INSERT INTO namespaces (host_id, node_id, nsid, replica_id, volume_id)"
                + " VALUES (?, ?, 1, ?, ?)", host.id().value(), node.id().value(), other.replicas().get(0).id().value(),
                other.id().value())).hasMessageContaining("UNIQUE");
        assertThat(database.publications().target(host.id(), node.id()).orElseThrow().namespaces()).hasSize(1);
    }

    @Test
    void refusesASecondExclusivePublicationOfAVolume() {
        sql("INSERT INTO hosts (id, nqn, name, client_type, version, duration_s, last_probe, registered_at)"
                + " VALUES ('h2', 'nqn.2014-08.com.example:h2', 'h2', '', '', 30, 0, 0)");

        assertThatThrownBy(() -> sql("INSERT INTO volume_publications (volume_id, host_id, exclusive, published_at)"
                + " VALUES (?, 'h2', 1, 0)", volume.id().value())).hasMessageContaining("UNIQUE");
    }

    @Test
    void refusesToDropWhatANamespaceStillNeeds() {
        assertThatThrownBy(() -> sql("DELETE FROM volume_publications")).hasMessageContaining("FOREIGN KEY");
        assertThatThrownBy(() -> sql("DELETE FROM targets")).hasMessageContaining("FOREIGN KEY");
        assertThatThrownBy(() -> sql("DELETE FROM replicas")).hasMessageContaining("FOREIGN KEY");
        assertThatThrownBy(() -> sql("DELETE FROM hosts")).hasMessageContaining("FOREIGN KEY");
        assertThatThrownBy(() -> sql("DELETE FROM nodes")).hasMessageContaining("FOREIGN KEY");
        assertThat(database.publications().isPublished(volume.id())).isTrue();
    }
}
