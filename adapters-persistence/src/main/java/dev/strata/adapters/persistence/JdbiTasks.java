package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.TaskRows.TagRow;
import dev.strata.adapters.persistence.TaskRows.TaskRow;
import dev.strata.application.port.out.Tasks;
import dev.strata.domain.host.HostId;
import dev.strata.domain.task.Tag;
import dev.strata.domain.task.Task;
import dev.strata.domain.task.TaskId;
import dev.strata.domain.task.TaskState;
import dev.strata.domain.task.TaskType;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link Tasks} over {@code tasks} and {@code task_tags}. */
final class JdbiTasks implements Tasks {

    private final JdbiTransactions transactions;

    JdbiTasks(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Task task) {
        TaskDao dao = transactions.writeHandle().dao(TaskDao.class);
        dao.insert(toRow(task));
        insertTags(dao, task);
    }

    @Override
    public void update(Task task) {
        TaskDao dao = transactions.writeHandle().dao(TaskDao.class);
        if (dao.update(toRow(task)) != 1) {
            throw new IllegalStateException("task " + task.id() + " does not exist");
        }
        dao.deleteTags(task.id().value());
        insertTags(dao, task);
    }

    private static void insertTags(TaskDao dao, Task task) {
        List<TagRow> rows = new ArrayList<>();
        for (int i = 0; i < task.tags().size(); i++) {
            Tag tag = task.tags().get(i);
            rows.add(new TagRow(task.id().value(), i, tag.name(), tag.value()));
        }
        if (!rows.isEmpty()) {
            dao.insertTags(rows);
        }
    }

    @Override
    public void remove(TaskId id) {
        transactions.writeHandle().dao(TaskDao.class).delete(id.value());
    }

    @Override
    public Optional<Task> find(TaskId id) {
        return load(dao -> dao.find(id.value()).map(List::of).orElse(List.of())).stream().findFirst();
    }

    @Override
    public List<Task> ofHost(HostId host) {
        return load(dao -> dao.ofHost(host.value()));
    }

    @Override
    public List<Task> all() {
        return load(TaskDao::all);
    }

    @Override
    public List<Task> active(VolumeId volume, TaskType type) {
        return load(dao -> dao.active(volume.value(), type.label()));
    }

    @Override
    public List<Task> active(TaskType type) {
        return load(dao -> dao.activeOfType(type.label()));
    }

    @Override
    public int removeEndedBefore(Instant cutoff) {
        return transactions.writeHandle().dao(TaskDao.class).deleteEndedBefore(cutoff.toEpochMilli());
    }

    private List<Task> load(Function<TaskDao, List<TaskRow>> query) {
        return transactions.read(() -> transactions.withHandle(h -> {
            TaskDao dao = h.dao(TaskDao.class);
            List<TaskRow> rows = query.apply(dao);
            if (rows.isEmpty()) {
                return List.<Task>of();
            }
            Map<String, List<TagRow>> tags = dao.tags(rows.stream().map(TaskRow::id).toList()).stream()
                    .collect(Collectors.groupingBy(TagRow::taskId));
            return rows.stream().map(row -> toTask(row, tags.getOrDefault(row.id(), List.of()))).toList();
        }));
    }

    private static TaskRow toRow(Task task) {
        return new TaskRow(task.id().value(), task.host().value(), task.type().label(), task.state().label(),
                task.taskStatus(), task.statusDescription(), task.progress(), task.startDate().toEpochMilli(),
                task.endDate().map(Instant::toEpochMilli).orElse(0L), task.stoppable(),
                task.volume().map(VolumeId::value).orElse(null), task.replaced().map(ReplicaId::value).orElse(null),
                task.placed().map(ReplicaId::value).orElse(null));
    }

    private static Task toTask(TaskRow row, List<TagRow> tags) {
        return Task.restore(new TaskId(row.id()), new HostId(row.hostId()), TaskType.parse("type", row.type()),
                TaskState.parse("state", row.state()), row.taskStatus(), row.statusDescription(), row.progress(),
                Instant.ofEpochMilli(row.startDate()),
                row.endDate() == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(row.endDate())),
                row.stoppable(), tags.stream().map(t -> new Tag(t.name(), t.value())).toList(),
                Optional.ofNullable(row.volumeId()).map(VolumeId::new),
                Optional.ofNullable(row.replacedReplica()).map(ReplicaId::new),
                Optional.ofNullable(row.placedReplica()).map(ReplicaId::new));
    }
}
