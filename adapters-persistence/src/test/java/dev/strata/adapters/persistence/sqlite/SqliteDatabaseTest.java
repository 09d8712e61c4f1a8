package dev.strata.adapters.persistence.sqlite;

import dev.strata.adapters.persistence.JdbiTransactions;
import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-02-02T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void keepsWhatWasCommittedAcrossReopening() {
        Path file = dir.resolve("strata.db");
        StorageNode node = StorageNode.register(NodeId.generate(), 1, aNode().build(), NOW);
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            database.transactions().write(() -> database.nodes().add(node));
        }
        try (SqliteDatabase reopened = SqliteDatabase.open(file)) {
            assertThat(reopened.nodes().find(node.id())).isPresent();
            assertThat(reopened.nodes().nextNumber()).isEqualTo(2);
        }
    }

    @Test
    void schemaVersionIsTheNewestMigration() throws Exception {
        Path migrations = Path.of(SqliteDatabase.class.getResource("/db/migration/sqlite").toURI());
        try (Stream<Path> files = Files.list(migrations)) {
            int newest = files.map(f -> f.getFileName().toString())
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max(Integer::compare).orElseThrow();
            assertThat(SqliteDatabase.SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    /**
     * The migrations moved from {@code db/migration} to {@code db/migration/sqlite}. Flyway records
     * a script by its name within its location and validates by name and checksum, so a database
     * made before the move holds the same names; this keeps it so.
     */
    @Test
    void recordsMigrationsByFileNameAloneSoTheMoveToTheSqliteFolderKeepsOldDatabasesValid() {
        Path file = dir.resolve("strata.db");
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            List<String> scripts = database.transactions().read(() -> ((JdbiTransactions) database.transactions())
                    .onReader(h -> h.handle().createQuery("SELECT script FROM flyway_schema_history"
                            + " WHERE version IS NOT NULL ORDER BY installed_rank").mapTo(String.class).list()));
            assertThat(scripts).containsExactly("V1__nodes_and_audit.sql", "V2__access.sql",
                    "V3__tenants_volumes_snapshots.sql", "V5__directory_sessions.sql", "V6__hosts_targets.sql",
                    "V7__node_agents.sql", "V8__host_agents.sql", "V9__login_failures.sql",
                    "V10__replicas_not_available.sql", "V11__replicas_by_volume_dropped.sql",
                    "V12__access_changes.sql");
        }
    }

    /** Undoes the two newest migrations by hand (update both halves when adding one) and reopens. */
    @Test
    void aDatabaseOneMigrationBehindIsMigratedOnOpening() {
        Path file = dir.resolve("strata.db");
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            database.transactions().write(() -> {
                var handle = ((JdbiTransactions) database.transactions()).writeHandle().handle();
                handle.execute("CREATE INDEX replicas_by_volume ON replicas (volume_id, position)");
                handle.execute("DELETE FROM flyway_schema_history WHERE version IN (?, ?)",
                        String.valueOf(SqliteDatabase.SCHEMA_VERSION), String.valueOf(SqliteDatabase.SCHEMA_VERSION - 1));
            });
        }
        try (SqliteDatabase reopened = SqliteDatabase.open(file)) {
            int indexes = reopened.transactions().read(() -> ((JdbiTransactions) reopened.transactions())
                    .onReader(h -> h.handle().createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                            + " AND name = 'replicas_by_volume'").mapTo(Integer.class).one()));
            assertThat(indexes).isZero();
            int newest = reopened.transactions().read(() -> ((JdbiTransactions) reopened.transactions())
                    .onReader(h -> h.handle().createQuery("SELECT max(CAST(version AS INTEGER)) FROM"
                            + " flyway_schema_history").mapTo(Integer.class).one()));
            assertThat(newest).isEqualTo(SqliteDatabase.SCHEMA_VERSION);
        }
    }

    @Test
    void runsInWalModeWithFullSyncAndForeignKeys() {
        try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("strata.db"))) {
            database.transactions().write(() -> {
                var handle = ((JdbiTransactions) database.transactions()).writeHandle().handle();
                assertThat(handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualTo("wal");
                assertThat(handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one())
                        .as("2 is FULL").isEqualTo(2);
                assertThat(handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
                assertThat(handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isEqualTo(5000);
            });
        }
    }

    @Test
    void refusesMutationsOutsideAWriteTransaction() {
        try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("strata.db"))) {
            StorageNode node = StorageNode.register(NodeId.generate(), 1, aNode().build(), NOW);
            assertThatThrownBy(() -> database.nodes().add(node)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> database.transactions().read(() -> {
                database.nodes().add(node);
                return null;
            })).isInstanceOf(IllegalStateException.class);
            assertThat(database.nodes().all()).isEmpty();
        }
    }

    @Test
    void theDatabaseRefusesASecondNodeWithTheSameManagementAddress() {
        try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("strata.db"))) {
            database.transactions().write(() -> database.nodes()
                    .add(StorageNode.register(NodeId.generate(), 1, aNode().withMgmtIps("10.3.0.1").build(), NOW)));
            assertThatThrownBy(() -> database.transactions().write(() -> database.nodes()
                    .add(StorageNode.register(NodeId.generate(), 2, aNode().withMgmtIps("10.3.0.1").build(), NOW))))
                    .hasMessageContaining("UNIQUE");
            assertThat(database.nodes().all()).hasSize(1);
        }
    }

    @Test
    void aWriteSeesNodesThatAnotherConnectionChanged() {
        Path file = dir.resolve("strata.db");
        StorageNode node = StorageNode.register(NodeId.generate(), 1, aNode().inRack("r1").build(), NOW);
        try (SqliteDatabase server = SqliteDatabase.open(file); SqliteDatabase other = SqliteDatabase.open(file)) {
            server.transactions().write(() -> server.nodes().add(node));
            assertThat(server.transactions().write(() -> server.nodes().all()).get(0).location().rack())
                    .isEqualTo("r1");

            StorageNode moved = other.nodes().find(node.id()).orElseThrow();
            moved.relocate(moved.location().withRack("r2"), NOW);
            other.transactions().write(() -> other.nodes().update(moved));

            assertThat(server.transactions().write(() -> server.nodes().all()).get(0).location().rack())
                    .as("the writer's copy of the rows notices another connection's commit").isEqualTo("r2");
        }
    }

    @Test
    void isReadyWhileOpen() {
        SqliteDatabase database = SqliteDatabase.open(dir.resolve("strata.db"));
        assertThat(database.readiness().databaseReachable()).isTrue();
        database.close();
        assertThat(database.readiness().databaseReachable()).isFalse();
    }
}
