package dev.strata.application.contract;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Transactions;
import dev.strata.domain.Bytes;
import dev.strata.domain.audit.AuditEvent;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.Portal;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.node.Transport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link Nodes}, {@link AuditLog} and {@link Transactions} must do.
 * Runs against the in-memory fakes and against SQLite.
 */
public abstract class NodesContract {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    protected abstract Nodes nodes();

    protected abstract AuditLog auditLog();

    protected abstract Transactions transactions();

    private StorageNode stored(NodeDeclaration declaration, int number) {
        StorageNode node = StorageNode.register(NodeId.generate(), number, declaration, NOW);
        transactions().write(() -> nodes().add(node));
        return node;
    }

    @Test
    void findsAStoredNodeWithEverythingItDeclared() {
        NodeDeclaration declaration = aNode().withMgmtIps("10.9.0.1", "fd00::1").named("alpha").inRack("r1")
                .inZone("z1").inRegion("eu").withHostId("host-a").withCapacityGiB(2048).withIops(900_000)
                .withBandwidth(12_000_000_000L).withMgmtPort(9000)
                .withPortal(new Portal("10.9.1.1", 4420, Transport.TCP))
                .withPortal(new Portal("10.9.2.1", 4421, Transport.RDMA)).build();
        StorageNode node = stored(declaration, 1);

        StorageNode found = transactions().read(() -> nodes().find(node.id())).orElseThrow();

        assertThat(found.declaration()).isEqualTo(declaration);
        assertThat(found.number()).isEqualTo(1);
        assertThat(found.location()).isEqualTo(new Location("r1", "z1", "eu"));
        assertThat(found.state()).isEqualTo(NodeState.AVAILABLE);
        assertThat(found.allocated()).isEqualTo(Allocation.NONE);
        assertThat(found.registeredAt()).isEqualTo(NOW);
        assertThat(found.mgmtIps()).containsExactly("10.9.0.1", "fd00:0:0:0:0:0:0:1");
        assertThat(found.portals()).extracting(Portal::transport).containsExactly(Transport.TCP, Transport.RDMA);
    }

    @Test
    void findsNodesByNumberAndByManagementIp() {
        StorageNode first = stored(aNode().withMgmtIps("10.9.0.2").build(), 1);
        StorageNode second = stored(aNode().withMgmtIps("10.9.0.3", "10.9.0.4").build(), 2);

        assertThat(nodes().findByNumber(2)).map(StorageNode::id).contains(second.id());
        assertThat(nodes().findByMgmtIp("10.9.0.4")).map(StorageNode::id).contains(second.id());
        assertThat(nodes().findByMgmtIp("10.9.0.2")).map(StorageNode::id).contains(first.id());
        assertThat(nodes().findByMgmtIp("10.9.0.99")).isEmpty();
        assertThat(nodes().findByNumber(3)).isEmpty();
        assertThat(nodes().find(NodeId.generate())).isEmpty();
    }

    @Test
    void listsNodesByNumberAndNumbersOnePastTheHighest() {
        assertThat(nodes().nextNumber()).isEqualTo(1);
        stored(aNode().build(), 1);
        stored(aNode().build(), 2);
        StorageNode third = stored(aNode().build(), 3);

        assertThat(nodes().all()).extracting(StorageNode::number).containsExactly(1, 2, 3);
        transactions().write(() -> nodes().remove(third.id()));
        assertThat(nodes().all()).hasSize(2);
        assertThat(nodes().nextNumber()).as("numbers are never reused").isEqualTo(4);
    }

    @Test
    void keepsChangedLocationStateAndAllocation() {
        StorageNode node = stored(aNode().withCapacityGiB(100).withIops(1000).build(), 1);
        Instant later = NOW.plus(1, ChronoUnit.HOURS);
        node.relocate(new Location("r9", "", "us"), later);
        node.changeState(NodeState.MAINTENANCE, later);
        node.grow(new Allocation(10 * Bytes.GIB, 40 * Bytes.GIB, 100, 0), OvercommitLimit.DEFAULT);
        transactions().write(() -> nodes().update(node));

        StorageNode found = nodes().find(node.id()).orElseThrow();
        assertThat(found.location()).isEqualTo(new Location("r9", "", "us"));
        assertThat(found.state()).isEqualTo(NodeState.MAINTENANCE);
        assertThat(found.allocated()).isEqualTo(new Allocation(10 * Bytes.GIB, 40 * Bytes.GIB, 100, 0));
        assertThat(found.availableCapacity()).isEqualTo(90 * Bytes.GIB);
        assertThat(found.updatedAt()).isEqualTo(later);
    }

    @Test
    void aFailedWriteKeepsNothingItDid() {
        StorageNode kept = stored(aNode().withMgmtIps("10.9.0.5").build(), 1);
        StorageNode doomed = StorageNode.register(NodeId.generate(), 2, aNode().withMgmtIps("10.9.0.6").build(), NOW);

        assertThatThrownBy(() -> transactions().write(() -> {
            nodes().add(doomed);
            kept.changeState(NodeState.MAINTENANCE, NOW);
            nodes().update(kept);
            nodes().remove(kept.id());
            auditLog().append(new AuditEvent(0, NOW, "r", "u", "basic", "", "a", "t", "Success"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(nodes().all()).extracting(StorageNode::id).containsExactly(kept.id());
        assertThat(nodes().find(kept.id()).orElseThrow().state()).isEqualTo(NodeState.AVAILABLE);
        assertThat(nodes().findByMgmtIp("10.9.0.6")).isEmpty();
        assertThat(auditLog().page(0, 10)).isEmpty();
    }

    @Test
    void theNextWriteSeesWhatWasCommittedAndNothingOfWhatFailed() {
        StorageNode node = stored(aNode().withCapacityGiB(100).build(), 1);
        node.reserve(new Allocation(10 * Bytes.GIB, 10 * Bytes.GIB, 0, 0), OvercommitLimit.DEFAULT);
        transactions().write(() -> nodes().update(node));

        assertThatThrownBy(() -> transactions().write(() -> {
            StorageNode inside = nodes().find(node.id()).orElseThrow();
            inside.reserve(new Allocation(50 * Bytes.GIB, 50 * Bytes.GIB, 0, 0), OvercommitLimit.DEFAULT);
            nodes().update(inside);
            assertThat(nodes().all().get(0).availableCapacity()).isEqualTo(40 * Bytes.GIB);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        long seenByTheNextWrite = transactions().write(() -> nodes().all().get(0).availableCapacity());
        assertThat(seenByTheNextWrite).isEqualTo(90 * Bytes.GIB);
        assertThat(nodes().find(node.id()).orElseThrow().availableCapacity()).isEqualTo(90 * Bytes.GIB);
    }

    @Test
    void givesNodesLeastUsedFirstWithTheWritesOwnChangesAndCopiesToChange() {
        StorageNode idle = stored(aNode().withMgmtIps("10.9.1.1").withCapacityGiB(100).build(), 1);
        StorageNode half = stored(aNode().withMgmtIps("10.9.1.2").withCapacityGiB(100).build(), 2);
        StorageNode gone = stored(aNode().withMgmtIps("10.9.1.3").withCapacityGiB(100).build(), 3);
        half.reserve(new Allocation(50 * Bytes.GIB, 50 * Bytes.GIB, 0, 0), OvercommitLimit.DEFAULT);
        transactions().write(() -> nodes().update(half));

        var order = transactions().write(() -> {
            assertThat(ids(nodes().leastUsedFirst())).containsExactly(idle.id(), gone.id(), half.id());
            StorageNode busy = nodes().find(idle.id()).orElseThrow();
            busy.reserve(new Allocation(80 * Bytes.GIB, 80 * Bytes.GIB, 0, 0), OvercommitLimit.DEFAULT);
            nodes().update(busy);
            nodes().remove(gone.id());
            nodes().add(StorageNode.register(NodeId.generate(), 4, aNode().withMgmtIps("10.9.1.4")
                    .withCapacityGiB(100).build(), NOW));
            java.util.List<StorageNode> seen = new java.util.ArrayList<>();
            nodes().leastUsedFirst().forEach(seen::add);
            seen.get(0).reserve(new Allocation(99 * Bytes.GIB, 99 * Bytes.GIB, 0, 0), OvercommitLimit.DEFAULT);
            java.util.List<StorageNode> sorted = new java.util.ArrayList<>(nodes().all());
            sorted.sort(dev.strata.domain.placement.PlacementPolicy.LEAST_USED_FIRST);
            assertThat(ids(nodes().leastUsedFirst())).as("what was handed out is a copy")
                    .isEqualTo(ids(sorted));
            return ids(seen);
        });

        assertThat(order).hasSize(3).endsWith(half.id(), idle.id());
        assertThat(transactions().write(() -> ids(nodes().leastUsedFirst()))).isEqualTo(order);
        assertThatThrownBy(() -> transactions().write(() -> {
            StorageNode first = nodes().leastUsedFirst().iterator().next();
            first.reserve(new Allocation(90 * Bytes.GIB, 90 * Bytes.GIB, 0, 0), OvercommitLimit.DEFAULT);
            nodes().update(first);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(transactions().write(() -> ids(nodes().leastUsedFirst()))).isEqualTo(order);
    }

    private static java.util.List<NodeId> ids(Iterable<StorageNode> nodes) {
        java.util.List<NodeId> ids = new java.util.ArrayList<>();
        nodes.forEach(node -> ids.add(node.id()));
        return ids;
    }

    @Test
    void aWriteSeesItsOwnChanges() {
        StorageNode node = StorageNode.register(NodeId.generate(), 1, aNode().build(), NOW);
        boolean seen = transactions().write(() -> {
            nodes().add(node);
            return transactions().read(() -> nodes().find(node.id())).isPresent();
        });
        assertThat(seen).isTrue();
    }

    @Test
    void pagesTheAuditLogOldestFirst() {
        transactions().write(() -> {
            for (int i = 1; i <= 5; i++) {
                auditLog().append(new AuditEvent(0, NOW.plusSeconds(i), "req-" + i, "admin", "basic", "192.0.2.1",
                        "backend.register", "10.0.0." + i, i == 3 ? "AlreadyExists" : "Success"));
            }
        });

        var first = auditLog().page(0, 2);
        assertThat(first).extracting(AuditEvent::requestId).containsExactly("req-1", "req-2");
        var rest = auditLog().page(first.get(1).id(), 10);
        assertThat(rest).extracting(AuditEvent::requestId).containsExactly("req-3", "req-4", "req-5");
        assertThat(rest.get(0).outcome()).isEqualTo("AlreadyExists");
        assertThat(rest.get(0).time()).isEqualTo(NOW.plusSeconds(3));
        assertThat(rest.get(0).sourceIp()).isEqualTo("192.0.2.1");
    }
}
