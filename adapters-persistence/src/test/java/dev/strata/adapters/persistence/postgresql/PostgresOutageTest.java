package dev.strata.adapters.persistence.postgresql;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under an open database: reads and writes are told {@code Unavailable} (503)
 * rather than failing with an internal error, readiness says no, and once the server is back the
 * same database object serves again, without being reopened.
 */
class PostgresOutageTest {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    private PostgresServer server;
    private PostgresDatabase database;

    @BeforeEach
    void open() {
        server = PostgresServer.dedicated();
        DatabaseUrl.Postgresql url = server.newDatabase();
        database = PostgresDatabase.at(url, Optional.of(PostgresServer.PASSWORD));
        database.open();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anOutageIsUnavailableAndTheSameDatabaseServesOnceTheServerIsBack() {
        StorageNode before = StorageNode.register(NodeId.generate(), 1, aNode().build(), NOW);
        database.transactions().write(() -> database.nodes().add(before));
        assertThat(database.readiness().databaseReachable()).isTrue();

        server.stopServer();
        assertThatThrownBy(() -> database.transactions().read(() -> database.nodes().all()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        StorageNode during = StorageNode.register(NodeId.generate(), 2, aNode().build(), NOW);
        assertThatThrownBy(() -> database.transactions().write(() -> database.nodes().add(during)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThatThrownBy(() -> database.nodes().find(before.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(database.readiness().databaseReachable()).isFalse();

        server.startServer();
        // The pool finds the server again on its own: the first requests may still be told
        // Unavailable while it backs off between connection attempts (at most 5 s), then it serves.
        boolean ready = false;
        for (int attempt = 0; attempt < 10 && !ready; attempt++) {
            ready = database.readiness().databaseReachable();
        }
        assertThat(ready).as("ready again without reopening").isTrue();
        assertThat(database.transactions().read(() -> database.nodes().all())).extracting(StorageNode::id)
                .containsExactly(before.id());
        database.transactions().write(() -> database.nodes().add(during));
        assertThat(database.transactions().read(() -> database.nodes().all())).hasSize(2);
    }
}
