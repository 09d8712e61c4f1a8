package dev.strata.adapters.rest.provisioner;

import static dev.strata.adapters.rest.http.CallerContext.caller;

import dev.strata.adapters.rest.http.Bodies;
import dev.strata.adapters.rest.http.Outcome;
import dev.strata.application.port.in.task.CancelTaskUseCase;
import dev.strata.application.port.in.task.CreateTaskUseCase;
import dev.strata.application.port.in.task.ListTasksUseCase;
import dev.strata.application.port.in.task.UpdateTaskUseCase;
import dev.strata.domain.DomainException;
import dev.strata.domain.host.HostId;
import dev.strata.domain.task.Task;
import dev.strata.domain.task.TaskId;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * {@code /tasks}: the host agents' task queue. Reads are bare arrays ({@code taskId} wins over
 * {@code hostId}); {@code PUT} is the host reporting on its task and answers the task; {@code DELETE}
 * cancels an IDLE task; {@code POST} queues a SetPollingRate task.
 */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class TaskResource {

    private final ListTasksUseCase list;
    private final UpdateTaskUseCase update;
    private final CancelTaskUseCase cancel;
    private final CreateTaskUseCase create;

    public TaskResource(ListTasksUseCase list, UpdateTaskUseCase update, CancelTaskUseCase cancel,
                        CreateTaskUseCase create) {
        this.list = list;
        this.update = update;
        this.cancel = cancel;
        this.create = create;
    }

    @GET
    public List<TaskJson> list(@Context SecurityContext security, @QueryParam("taskId") String taskId,
                               @QueryParam("hostId") String hostId) {
        return list.list(caller(security), given(taskId).map(id -> TaskId.parse("taskId", id)),
                given(hostId).map(id -> HostId.parse("hostId", id))).stream().map(TaskJson::from).toList();
    }

    @PUT
    public TaskJson update(@Context SecurityContext security, TaskUpdate body) {
        return TaskJson.from(update.update(caller(security), Bodies.required(body).toCommand()));
    }

    @DELETE
    public Outcome cancel(@Context SecurityContext security, @QueryParam("taskId") String taskId,
                          @QueryParam("hostId") String hostId) {
        TaskId id = given(taskId).map(t -> TaskId.parse("taskId", t))
                .orElseThrow(() -> DomainException.invalidInput("taskId is required"));
        cancel.cancel(caller(security), id, given(hostId).map(h -> HostId.parse("hostId", h)));
        return Outcome.success("task " + id + " cancelled");
    }

    @POST
    public Response create(@Context SecurityContext security, @Context UriInfo uri, TaskCreation body) {
        Task task = create.create(caller(security), Bodies.required(body).toCommand());
        return Response.created(uri.getBaseUriBuilder().path("tasks").queryParam("taskId", task.id().value()).build())
                .entity(TaskJson.from(task)).build();
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }
}
