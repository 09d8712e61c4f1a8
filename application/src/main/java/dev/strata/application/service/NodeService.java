package dev.strata.application.service;

import dev.strata.application.port.in.node.GetClusterNodeUseCase;
import dev.strata.application.port.in.node.GetNodeUseCase;
import dev.strata.application.port.in.node.ListClusterNodesUseCase;
import dev.strata.application.port.in.node.ListNodesUseCase;
import dev.strata.application.port.in.node.RegisterNodeUseCase;
import dev.strata.application.port.in.node.RemoveNodeUseCase;
import dev.strata.application.port.in.node.UpdateNodeCommand;
import dev.strata.application.port.in.node.UpdateNodeUseCase;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Snapshots;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.node.NodeDeclaration;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import java.time.InstantSource;
import java.util.List;

/** The pool of storage nodes: register, read, relabel, maintain, remove. */
public final class NodeService implements RegisterNodeUseCase, ListNodesUseCase, GetNodeUseCase,
        UpdateNodeUseCase, RemoveNodeUseCase, ListClusterNodesUseCase, GetClusterNodeUseCase {

    private final Nodes nodes;
    private final Volumes volumes;
    private final Snapshots snapshots;
    private final Publications publications;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;

    public NodeService(Nodes nodes, Volumes volumes, Snapshots snapshots, Publications publications,
                       Transactions transactions, Mutations mutations, InstantSource clock) {
        this.nodes = nodes;
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.publications = publications;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
    }

    @Override
    public StorageNode register(Principal caller, NodeDeclaration declaration) {
        return mutations.perform(caller, Privilege.PRIVILEGE_BACKEND_WRITE, "backend.register",
                String.join(",", declaration.mgmtIps()), () -> {
                    for (String ip : declaration.mgmtIps()) {
                        nodes.findByMgmtIp(ip).ifPresent(existing -> {
                            throw DomainException.alreadyExists(
                                    "management IP " + ip + " belongs to backend " + existing.id());
                        });
                    }
                    StorageNode node = StorageNode.register(NodeId.generate(), nodes.nextNumber(), declaration,
                            clock.instant());
                    nodes.add(node);
                    return node;
                });
    }

    @Override
    public List<StorageNode> list(Principal caller) {
        caller.require(Privilege.PRIVILEGE_BACKEND_READ);
        return nodes.all();
    }

    @Override
    public StorageNode get(Principal caller, NodeId id) {
        caller.require(Privilege.PRIVILEGE_BACKEND_READ);
        return existing(id);
    }

    @Override
    public StorageNode update(Principal caller, UpdateNodeCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_BACKEND_WRITE, "backend.update",
                command.id().value(), () -> {
                    StorageNode node = existing(command.id());
                    node.relocate(command.applyTo(node.location()), clock.instant());
                    command.state().ifPresent(state -> node.changeState(state, clock.instant()));
                    nodes.update(node);
                    return node;
                });
    }

    @Override
    public void remove(Principal caller, NodeId id) {
        mutations.perform(caller, Privilege.PRIVILEGE_BACKEND_WRITE, "backend.remove", id.value(), () -> {
            StorageNode node = existing(id);
            if (publications.anyTargetOn(id)) {
                throw new DomainException(ErrorCode.IN_USE, "backend " + id + " exports targets to hosts;"
                        + " unpublish its volumes first");
            }
            // Counters alone miss what takes no space, such as a snapshot reserving 0 %: ask for the things.
            if (node.inUse() || volumes.anyReplicaOn(id) || snapshots.anyCopyOn(id)) {
                throw new DomainException(ErrorCode.IN_USE, "backend " + id + " still holds replicas or snapshots");
            }
            nodes.remove(id);
        });
    }

    @Override
    public List<StorageNode> listClusterNodes(Principal caller) {
        caller.require(Privilege.PRIVILEGE_CLUSTER_READ);
        return nodes.all();
    }

    @Override
    public StorageNode getClusterNode(Principal caller, int number) {
        caller.require(Privilege.PRIVILEGE_CLUSTER_READ);
        return nodes.findByNumber(number)
                .orElseThrow(() -> DomainException.notExists("node " + number + " does not exist"));
    }

    private StorageNode existing(NodeId id) {
        return transactions.read(() -> nodes.find(id))
                .orElseThrow(() -> DomainException.notExists("backend " + id + " does not exist"));
    }
}
