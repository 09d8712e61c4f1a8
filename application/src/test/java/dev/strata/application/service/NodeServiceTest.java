package dev.strata.application.service;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.fake.InMemoryAuditLog;
import dev.strata.application.fake.InMemoryNodes;
import dev.strata.application.fake.InMemoryTransactions;
import dev.strata.application.fake.MutableClock;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.node.UpdateNodeCommand;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.audit.AuditEvent;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.Location;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class NodeServiceTest {

    private final MutableClock clock = MutableClock.at("2026-05-01T10:00:00Z");
    private final InMemoryNodes nodes = new InMemoryNodes();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryTransactions transactions = new InMemoryTransactions().enlist(nodes, audit);
    private final NodeService service = new NodeService(nodes, new dev.strata.application.fake.InMemoryVolumes(),
            new dev.strata.application.fake.InMemorySnapshots(), new dev.strata.application.fake.InMemoryPublications(),
            transactions,
            new Mutations(transactions, audit, clock), clock);

    @Test
    void registersANodeAvailableAndNumberedInOrder() {
        StorageNode first = service.register(Principals.admin(), aNode().build());
        StorageNode second = service.register(Principals.admin(), aNode().build());

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(NodeState.AVAILABLE);
        assertThat(service.list(Principals.admin())).extracting(StorageNode::id)
                .containsExactly(first.id(), second.id());
        assertThat(service.getClusterNode(Principals.admin(), 2).id()).isEqualTo(second.id());
    }

    @Test
    void refusesAManagementAddressThatAnotherNodeHasAndStoresNothing() {
        service.register(Principals.admin(), aNode().withMgmtIps("10.7.0.1").build());

        assertRefused(() -> service.register(Principals.admin(), aNode().withMgmtIps("10.7.0.2", "10.7.0.1").build()),
                ErrorCode.ALREADY_EXISTS);
        assertThat(service.list(Principals.admin())).hasSize(1);
    }

    @Test
    void auditsEveryMutationWithItsOutcome() {
        StorageNode node = service.register(Principals.admin(), aNode().withMgmtIps("10.7.0.3").build());
        assertRefused(() -> service.register(Principals.admin(), aNode().withMgmtIps("10.7.0.3").build()),
                ErrorCode.ALREADY_EXISTS);
        service.remove(Principals.admin(), node.id());

        assertThat(audit.all()).extracting(AuditEvent::action, AuditEvent::target, AuditEvent::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("backend.register", "10.7.0.3", "Success"),
                        org.assertj.core.groups.Tuple.tuple("backend.register", "10.7.0.3", "AlreadyExists"),
                        org.assertj.core.groups.Tuple.tuple("backend.remove", node.id().value(), "Success"));
        assertThat(audit.all().get(0).user()).isEqualTo("admin");
        assertThat(audit.all().get(0).requestId()).isEqualTo("test-request");
        assertThat(audit.all().get(0).sourceIp()).isEqualTo("192.0.2.1");
    }

    @Test
    void changesLabelsAndStateButLeavesAbsentFieldsAlone() {
        StorageNode node = service.register(Principals.admin(), aNode().inRack("r1").inZone("z1").inRegion("eu").build());
        clock.advance(Duration.ofMinutes(5));

        StorageNode changed = service.update(Principals.admin(), new UpdateNodeCommand(node.id(), Optional.of("r2"),
                Optional.of(""), Optional.empty(), Optional.of(NodeState.MAINTENANCE)));

        assertThat(changed.location()).isEqualTo(new Location("r2", "", "eu"));
        assertThat(changed.state()).isEqualTo(NodeState.MAINTENANCE);
        assertThat(service.get(Principals.admin(), node.id()).updatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void refusesToSetUnavailableByHand() {
        assertThatThrownBy(() -> new UpdateNodeCommand(NodeId.generate(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(NodeState.UNAVAILABLE)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void refusesToRemoveANodeThatHoldsAnything() {
        StorageNode node = service.register(Principals.admin(), aNode().withCapacityGiB(10).build());
        node.reserve(new Allocation(Bytes.GIB, Bytes.GIB, 0, 0), OvercommitLimit.DEFAULT);
        transactions.write(() -> nodes.update(node));

        assertRefused(() -> service.remove(Principals.admin(), node.id()), ErrorCode.IN_USE);
        assertThat(nodes.find(node.id())).isPresent();
    }

    @Test
    void answersNotExistsForUnknownNodes() {
        NodeId unknown = NodeId.generate();
        assertRefused(() -> service.get(Principals.admin(), unknown), ErrorCode.NOT_EXISTS);
        assertRefused(() -> service.remove(Principals.admin(), unknown), ErrorCode.NOT_EXISTS);
        assertRefused(() -> service.update(Principals.admin(), new UpdateNodeCommand(unknown, Optional.of("r"),
                Optional.empty(), Optional.empty(), Optional.empty())), ErrorCode.NOT_EXISTS);
        assertRefused(() -> service.getClusterNode(Principals.admin(), 42), ErrorCode.NOT_EXISTS);
    }

    @Test
    void checksPrivilegesBeforeDoingAnything() {
        var reader = Principals.withPrivileges(Privilege.PRIVILEGE_BACKEND_READ);
        assertRefused(() -> service.register(reader, aNode().build()), ErrorCode.FORBIDDEN);
        assertRefused(() -> service.listClusterNodes(reader), ErrorCode.FORBIDDEN);
        assertRefused(() -> service.list(Principals.withPrivileges(Privilege.PRIVILEGE_CLUSTER_READ)),
                ErrorCode.FORBIDDEN);
        assertRefused(() -> service.list(Principals.anonymous()), ErrorCode.UNAUTHORIZED);
        assertThat(service.list(reader)).isEmpty();
        assertThat(nodes.all()).isEmpty();
        assertThat(audit.all()).extracting(AuditEvent::outcome).containsExactly("Forbidden");
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
