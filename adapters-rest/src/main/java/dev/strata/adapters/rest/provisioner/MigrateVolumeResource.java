package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.application.port.in.task.MigrateVolumeUseCase;
import dev.strata.domain.task.Task;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST [t]/migrate_volume {volId, repId?, migrationHandler?, destinationBackendId?}}: places
 * a replacement replica and queues a RemoteMigration task for the host that mirrors the volume.
 */
@Path(TenantPrefix.TEMPLATE + "migrate_volume")
@Produces(MediaType.APPLICATION_JSON)
public final class MigrateVolumeResource {

    private final MigrateVolumeUseCase migrate;

    public MigrateVolumeResource(MigrateVolumeUseCase migrate) {
        this.migrate = migrate;
    }

    @POST
    public TaskOutcome migrate(@Context SecurityContext security, @PathParam("tenant") String tenant,
                               MigrationRequest body) {
        Task task = migrate.migrate(caller(security), Bodies.required(body).toCommand(TenantPrefix.named(tenant)));
        return TaskOutcome.success("volume " + task.volume().map(Object::toString).orElse("") + ": replica "
                + task.replaced().map(Object::toString).orElse("") + " is replaced by replica "
                + task.placed().map(Object::toString).orElse(""), task.id().value());
    }
}
