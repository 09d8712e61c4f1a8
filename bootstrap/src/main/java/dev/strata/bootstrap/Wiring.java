package dev.strata.bootstrap;

import dev.strata.adapters.persistence.SqliteDatabase;
import dev.strata.adapters.rest.UseCases;
import dev.strata.adapters.rest.provisioner.TenantUseCases;
import dev.strata.adapters.rest.provisioner.VolumeUseCases;
import dev.strata.application.BuildInfo;
import dev.strata.application.Settings;
import dev.strata.application.port.in.access.AuthenticateUseCase;
import dev.strata.application.service.Mutations;
import dev.strata.application.service.NodeService;
import dev.strata.application.service.OpenAuthentication;
import dev.strata.application.service.SnapshotService;
import dev.strata.application.service.SystemService;
import dev.strata.application.service.TenantService;
import dev.strata.application.service.VolumeService;
import java.time.InstantSource;

/**
 * The one place that connects ports to adapters and builds the use cases. The server and the CLI's
 * offline commands share it.
 */
public final class Wiring implements AutoCloseable {

    private final SqliteDatabase database;
    private final UseCases useCases;

    private Wiring(SqliteDatabase database, UseCases useCases) {
        this.database = database;
        this.useCases = useCases;
    }

    /** Builds everything; the database opens with {@link #openDatabase()}. */
    public static Wiring create(ServerSettings serverSettings, InstantSource clock) {
        SqliteDatabase database = SqliteDatabase.at(serverSettings.databaseFile());
        try {
            Settings settings = serverSettings.applicationSettings();
            BuildInfo build = Builds.current();
            Mutations mutations = new Mutations(database.transactions(), database.auditLog(), clock);
            NodeService nodes = new NodeService(database.nodes(), database.volumes(), database.snapshots(),
                    database.transactions(), mutations, clock);
            TenantService tenants = new TenantService(database.tenants(), database.nodes(), database.volumes(),
                    database.snapshots(), database.transactions(), mutations, clock);
            VolumeService volumes = new VolumeService(database.nodes(), database.tenants(), database.volumes(),
                    database.snapshots(), database.publications(), database.transactions(), mutations,
                    settings.thinOvercommit(), clock);
            SnapshotService snapshots = new SnapshotService(database.nodes(), database.tenants(), database.volumes(),
                    database.snapshots(), database.transactions(), mutations, settings.thinOvercommit(), clock);
            SystemService system = new SystemService(build, settings, database.nodes(), database.volumes(),
                    database.transactions(), database.readiness());
            AuthenticateUseCase authenticate = new OpenAuthentication();
            UseCases useCases = new UseCases(
                    new UseCases.System(build, system, system),
                    new UseCases.Access(authenticate),
                    new UseCases.Nodes(nodes, nodes, nodes, nodes, nodes, nodes, nodes),
                    new TenantUseCases(tenants, tenants, tenants, tenants, tenants),
                    new VolumeUseCases(volumes, volumes, volumes, volumes, volumes, volumes, volumes, volumes,
                            volumes, volumes, volumes, snapshots, snapshots, snapshots, snapshots, snapshots,
                            snapshots, snapshots, snapshots));
            return new Wiring(database, useCases);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Opens and migrates the database; the use cases work from then on. */
    public void openDatabase() {
        database.open();
    }

    /**
     * Runs {@code work} in one write transaction: the use cases it calls join it. For offline bulk
     * tools, such as seeding a benchmark's database, that would otherwise pay a commit per change.
     */
    public void inOneTransaction(Runnable work) {
        database.transactions().write(work);
    }

    public UseCases useCases() {
        return useCases;
    }

    @Override
    public void close() {
        database.close();
    }
}
