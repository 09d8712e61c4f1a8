package dev.strata.adapters.persistence;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.Nodes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.audit.AuditEvent;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Group commit on SQLite: writes that queue for the writer while one runs share its commit, each in
 * a savepoint of its own. The test holds the first unit of a batch until the others are queued, so
 * that all of them land in one batch, in the order they queued.
 */
class SqliteGroupCommitTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Allocation GIB = new Allocation(1L << 30, 1L << 30, 0, 0);

    @RegisterExtension
    final TemporaryDatabase sqlite = TemporaryDatabase.sqlite();

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private JdbiTransactions transactions() {
        return (JdbiTransactions) sqlite.database().transactions();
    }

    private Nodes nodes() {
        return sqlite.database().nodes();
    }

    private AuditLog auditLog() {
        return sqlite.database().auditLog();
    }

    private static void until(IntSupplier count, int wanted) {
        while (count.getAsInt() < wanted) {
            Thread.onSpinWait();
        }
    }

    private void audit(String action) {
        auditLog().append(new AuditEvent(0, NOW, "r", "u", "basic", "127.0.0.1", action, "t", "success"));
    }

    private List<String> audited() {
        return transactions().read(() -> auditLog().page(0, 100)).stream().map(AuditEvent::action).toList();
    }

    private long allocated(NodeId id) {
        return transactions().read(() -> nodes().find(id)).orElseThrow().allocated().capacity();
    }

    private StorageNode node(NodeId id) {
        return nodes().find(id).orElseThrow();
    }

    @Test
    void aFailingUnitRollsBackAloneWhileTheOthersInItsBatchCommit() throws Exception {
        StorageNode stored = StorageNode.register(NodeId.generate(), 1, aNode().withCapacityGiB(10).build(), NOW);
        transactions().write(() -> nodes().add(stored));
        NodeId id = stored.id();
        long commitsBefore = transactions().commits();
        long writesBefore = transactions().committedWrites();

        CountDownLatch holding = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> transactions().write(() -> {
            StorageNode node = node(id);
            node.reserve(GIB, OvercommitLimit.DEFAULT);
            nodes().update(node);
            audit("first");
            holding.countDown();
            until(transactions()::waitingWriters, 2); // the other two have queued: they join this batch
        }));
        holding.await();
        // the failing unit queues first, the last one behind it
        Future<Object> failed = threads.submit(() -> {
            try {
                transactions().write(() -> {
                    StorageNode node = node(id);
                    node.reserve(GIB, OvercommitLimit.DEFAULT);
                    node.reserve(GIB, OvercommitLimit.DEFAULT);
                    nodes().update(node);
                    audit("failing");
                    throw new DomainException(ErrorCode.INSUFFICIENT_CAPACITY, "refused after its changes");
                });
                return "no failure";
            } catch (DomainException expected) {
                return expected;
            }
        });
        until(transactions()::waitingWriters, 1);
        Future<Long> last = threads.submit(() -> transactions().write(() -> {
            StorageNode node = node(id);
            long seen = node.allocated().capacity();
            node.reserve(GIB, OvercommitLimit.DEFAULT);
            nodes().update(node);
            audit("last");
            return seen;
        }));

        first.get(1, TimeUnit.MINUTES);
        assertThat(failed.get(1, TimeUnit.MINUTES)).isInstanceOf(DomainException.class);
        assertThat(last.get(1, TimeUnit.MINUTES)).as("the last unit sees the first's change, not the failed one's")
                .isEqualTo(GIB.capacity());

        assertThat(transactions().commits() - commitsBefore).as("one commit for the batch").isEqualTo(1);
        assertThat(transactions().committedWrites() - writesBefore).as("two writes in it").isEqualTo(2);
        assertThat(audited()).containsExactly("first", "last");
        assertThat(allocated(id)).as("on disk").isEqualTo(2 * GIB.capacity());
        assertThat(transactions().write(() -> node(id).allocated().capacity()))
                .as("the writer's copy of the node rows").isEqualTo(2 * GIB.capacity());
    }

    @Test
    void aWriteOnAClosedDatabaseFailsAndLeavesNothingQueuedToRunLater() {
        sqlite.database().close();

        assertThatThrownBy(() -> transactions().write(() -> audit("too late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not open");
        assertThat(transactions().waitingWriters()).isZero();
    }
}
