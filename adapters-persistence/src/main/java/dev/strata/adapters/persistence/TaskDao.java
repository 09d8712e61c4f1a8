package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.TaskRows.TagRow;
import dev.strata.adapters.persistence.TaskRows.TaskRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(TaskRow.class)
@RegisterConstructorMapper(TagRow.class)
interface TaskDao {

    String COLUMNS = "id, host_id, type, state, task_status, status_description, progress, start_date, end_date,"
            + " stoppable, volume_id, replaced_replica, placed_replica";
    String SELECT = "SELECT " + COLUMNS + " FROM tasks";
    String ORDER = " ORDER BY start_date, id";
    String ACTIVE = " state IN ('IDLE', 'RUNNING')";

    @SqlUpdate("INSERT INTO tasks (" + COLUMNS + ") VALUES (:id, :hostId, :type, :state, :taskStatus,"
            + " :statusDescription, :progress, :startDate, :endDate, :stoppable, :volumeId, :replacedReplica,"
            + " :placedReplica)")
    void insert(@BindMethods TaskRow row);

    @SqlUpdate("UPDATE tasks SET state = :state, task_status = :taskStatus, status_description = :statusDescription,"
            + " progress = :progress, end_date = :endDate, stoppable = :stoppable WHERE id = :id")
    int update(@BindMethods TaskRow row);

    @SqlUpdate("DELETE FROM task_tags WHERE task_id = :id")
    void deleteTags(@Bind("id") String id);

    @SqlBatch("INSERT INTO task_tags (task_id, position, name, value) VALUES (:taskId, :position, :name, :value)")
    void insertTags(@BindMethods List<TagRow> rows);

    @SqlUpdate("DELETE FROM tasks WHERE id = :id")
    int delete(@Bind("id") String id);

    @SqlUpdate("DELETE FROM tasks WHERE end_date > 0 AND end_date < :cutoff")
    int deleteEndedBefore(@Bind("cutoff") long cutoff);

    @SqlQuery(SELECT + " WHERE id = :id")
    Optional<TaskRow> find(@Bind("id") String id);

    @SqlQuery(SELECT + " WHERE host_id = :host" + ORDER)
    List<TaskRow> ofHost(@Bind("host") String host);

    @SqlQuery(SELECT + ORDER)
    List<TaskRow> all();

    @SqlQuery(SELECT + " WHERE volume_id = :volume AND type = :type AND" + ACTIVE + ORDER)
    List<TaskRow> active(@Bind("volume") String volume, @Bind("type") String type);

    @SqlQuery(SELECT + " WHERE type = :type AND" + ACTIVE + ORDER)
    List<TaskRow> activeOfType(@Bind("type") String type);

    @SqlQuery("SELECT task_id, position, name, value FROM task_tags WHERE task_id IN (<ids>)"
            + " ORDER BY task_id, position")
    List<TagRow> tags(@BindList("ids") List<String> ids);
}
