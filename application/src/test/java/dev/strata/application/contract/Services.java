package dev.strata.application.contract;

import dev.strata.application.service.HostService;
import dev.strata.application.service.Mutations;
import dev.strata.application.service.NodeService;
import dev.strata.application.service.PublicationService;
import dev.strata.application.service.SnapshotService;
import dev.strata.application.service.TaskService;
import dev.strata.application.service.TenantService;
import dev.strata.application.service.VolumeService;
import dev.strata.domain.node.OvercommitLimit;
import java.time.InstantSource;

/** The services over one set of ports, wired as bootstrap wires them. */
public record Services(NodeService nodes, TenantService tenants, VolumeService volumes, SnapshotService snapshots,
                       HostService hosts, PublicationService publications, TaskService tasks) {

    public static Services over(Ports ports, InstantSource clock, OvercommitLimit overcommit) {
        Mutations mutations = new Mutations(ports.transactions(), ports.auditLog(), clock);
        return new Services(
                new NodeService(ports.nodes(), ports.volumes(), ports.snapshots(), ports.publications(),
                        ports.transactions(), mutations, clock),
                new TenantService(ports.tenants(), ports.nodes(), ports.volumes(), ports.snapshots(),
                        ports.transactions(), mutations, clock),
                new VolumeService(ports.nodes(), ports.tenants(), ports.volumes(), ports.snapshots(),
                        ports.hosts(), ports.publications(), ports.tasks(), ports.transactions(), mutations, overcommit,
                        clock),
                new SnapshotService(ports.nodes(), ports.tenants(), ports.volumes(), ports.snapshots(),
                        ports.transactions(), mutations, overcommit, clock),
                new HostService(ports.hosts(), ports.publications(), ports.transactions(), mutations, clock),
                new PublicationService(ports.hosts(), ports.nodes(), ports.tenants(), ports.volumes(),
                        ports.publications(), ports.transactions(), mutations, clock),
                new TaskService(ports.hosts(), ports.nodes(), ports.tenants(), ports.volumes(), ports.publications(),
                        ports.tasks(), ports.transactions(), mutations, overcommit, clock));
    }
}
