package dev.strata.application.contract;

import dev.strata.application.fake.InMemoryAuditLog;
import dev.strata.application.fake.InMemoryHostEvents;
import dev.strata.application.fake.InMemoryHosts;
import dev.strata.application.fake.InMemoryNodeAgents;
import dev.strata.application.fake.InMemoryNodes;
import dev.strata.application.fake.InMemoryPublications;
import dev.strata.application.fake.InMemorySnapshots;
import dev.strata.application.fake.InMemoryTasks;
import dev.strata.application.fake.InMemoryTenants;
import dev.strata.application.fake.InMemoryTransactions;
import dev.strata.application.fake.InMemoryVolumes;
import dev.strata.application.port.out.AuditLog;
import dev.strata.application.port.out.HostEvents;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.NodeAgents;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Snapshots;
import dev.strata.application.port.out.Tasks;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;

/** Every out-port the volume and host use cases need, from one implementation: the fakes or a database. */
public record Ports(Nodes nodes, Tenants tenants, Volumes volumes, Snapshots snapshots, Hosts hosts,
                    Publications publications, AuditLog auditLog, Transactions transactions, NodeAgents agents,
                    Tasks tasks, HostEvents hostEvents) {

    /** The in-memory fakes, enlisted in one transaction manager. */
    public static Ports inMemory() {
        return inMemory(new InMemoryPublications());
    }

    /** The in-memory fakes with the given publications, enlisted in one transaction manager. */
    public static Ports inMemory(InMemoryPublications publications) {
        InMemoryNodeAgents agents = new InMemoryNodeAgents();
        publications.tracking(agents);
        InMemoryNodes nodes = new InMemoryNodes().tracking(agents);
        InMemoryHosts hosts = new InMemoryHosts();
        InMemoryTenants tenants = new InMemoryTenants();
        InMemoryVolumes volumes = new InMemoryVolumes().tracking(agents);
        InMemorySnapshots snapshots = new InMemorySnapshots();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        InMemoryTasks tasks = new InMemoryTasks();
        InMemoryHostEvents hostEvents = new InMemoryHostEvents();
        InMemoryTransactions transactions = new InMemoryTransactions().enlist(nodes, tenants, volumes, snapshots, hosts,
                publications, audit, agents, tasks, hostEvents);
        return new Ports(nodes, tenants, volumes, snapshots, hosts, publications, audit, transactions, agents, tasks,
                hostEvents);
    }
}
