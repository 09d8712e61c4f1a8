package dev.strata.application.fake;

import dev.strata.application.port.out.Tasks;
import dev.strata.domain.host.HostId;
import dev.strata.domain.task.Task;
import dev.strata.domain.task.TaskId;
import dev.strata.domain.task.TaskType;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Tasks in a map. Stores and hands out copies, as a database would; one migration in flight per volume. */
public final class InMemoryTasks implements Tasks, InMemoryTransactions.Participant {

    private static final Comparator<Task> OLDEST_FIRST = Comparator.comparing(Task::startDate)
            .thenComparing(t -> t.id().value());

    private Map<String, Task> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(Task task) {
        if (byId.containsKey(task.id().value())) {
            throw new IllegalStateException("task " + task.id() + " exists");
        }
        if (task.type() == TaskType.REMOTE_MIGRATION && task.isActive()
                && !active(task.volume().orElseThrow(), TaskType.REMOTE_MIGRATION).isEmpty()) {
            throw new IllegalStateException("volume " + task.volume().get() + " has a migration in flight");
        }
        byId.put(task.id().value(), task.copy());
    }

    @Override
    public synchronized void update(Task task) {
        if (byId.replace(task.id().value(), task.copy()) == null) {
            throw new IllegalStateException("task " + task.id() + " does not exist");
        }
    }

    @Override
    public synchronized void remove(TaskId id) {
        byId.remove(id.value());
    }

    @Override
    public synchronized Optional<Task> find(TaskId id) {
        return Optional.ofNullable(byId.get(id.value())).map(Task::copy);
    }

    @Override
    public synchronized List<Task> ofHost(HostId host) {
        return where(t -> t.host().equals(host));
    }

    @Override
    public synchronized List<Task> all() {
        return where(t -> true);
    }

    @Override
    public synchronized List<Task> active(VolumeId volume, TaskType type) {
        return where(t -> t.isActive() && t.type() == type && t.volume().filter(volume::equals).isPresent());
    }

    @Override
    public synchronized List<Task> active(TaskType type) {
        return where(t -> t.isActive() && t.type() == type);
    }

    @Override
    public synchronized int removeEndedBefore(Instant cutoff) {
        int before = byId.size();
        byId.values().removeIf(t -> t.endDate().filter(end -> end.isBefore(cutoff)).isPresent());
        return before - byId.size();
    }

    private List<Task> where(Predicate<Task> wanted) {
        return byId.values().stream().filter(wanted).sorted(OLDEST_FIRST).map(Task::copy).toList();
    }

    @Override
    public synchronized Object snapshot() {
        Map<String, Task> copy = new LinkedHashMap<>();
        byId.forEach((id, task) -> copy.put(id, task.copy()));
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId = new LinkedHashMap<>((Map<String, Task>) snapshot);
    }
}
