package dev.strata.adapters.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Generations, retired replicas and agent reports; standard SQL, the same on PostgreSQL. */
@RegisterConstructorMapper(NodeAgentDao.GenerationRow.class)
@RegisterConstructorMapper(NodeAgentDao.ReportRow.class)
@RegisterConstructorMapper(NodeAgentDao.SubsystemRow.class)
@RegisterConstructorMapper(NodeAgentDao.OrphanRow.class)
interface NodeAgentDao {

    record GenerationRow(String nodeId, long generation) {
    }

    record ReportRow(String nodeId, long reportedAt, int intervalS, String agentVersion, long appliedGeneration,
                     long totalCapacity, long freeCapacity) {
    }

    record SubsystemRow(String nodeId, int position, String nqn, String state, String message) {
    }

    record OrphanRow(String nodeId, int position, String name) {
    }

    @SqlUpdate("INSERT INTO node_generations (node_id, generation) VALUES (:node, 1)")
    void start(@Bind("node") String node);

    @SqlQuery("SELECT generation FROM node_generations WHERE node_id = :node")
    Optional<Long> generation(@Bind("node") String node);

    @SqlQuery("SELECT node_id, generation FROM node_generations")
    List<GenerationRow> generations();

    @SqlBatch("INSERT INTO retired_replicas (node_id, replica_id, retired_at) VALUES (:node, :replica, :at)"
            + " ON CONFLICT (node_id, replica_id) DO NOTHING")
    void retire(@Bind("node") List<String> nodes, @Bind("replica") List<String> replicas, @Bind("at") long at);

    @SqlQuery("SELECT replica_id FROM retired_replicas WHERE node_id = :node ORDER BY replica_id")
    List<String> retired(@Bind("node") String node);

    @SqlUpdate("DELETE FROM retired_replicas WHERE node_id = :node AND replica_id NOT IN (<kept>)")
    void keepRetired(@Bind("node") String node, @BindList("kept") List<String> kept);

    @SqlUpdate("DELETE FROM retired_replicas WHERE node_id = :node")
    void forgetRetired(@Bind("node") String node);

    String REPORT = "SELECT node_id, reported_at, interval_s, agent_version, applied_generation, total_capacity,"
            + " free_capacity FROM node_reports";

    @SqlQuery(REPORT + " WHERE node_id = :node")
    Optional<ReportRow> report(@Bind("node") String node);

    @SqlQuery(REPORT + " ORDER BY node_id")
    List<ReportRow> reports();

    @SqlQuery("SELECT node_id, position, nqn, state, message FROM node_report_subsystems ORDER BY node_id, position")
    List<SubsystemRow> subsystems();

    @SqlQuery("SELECT node_id, position, name FROM node_report_orphans ORDER BY node_id, position")
    List<OrphanRow> orphans();

    @SqlUpdate("DELETE FROM node_reports WHERE node_id = :node")
    void deleteReport(@Bind("node") String node);

    @SqlUpdate("INSERT INTO node_reports (node_id, reported_at, interval_s, agent_version, applied_generation,"
            + " total_capacity, free_capacity) VALUES (:nodeId, :reportedAt, :intervalS, :agentVersion,"
            + " :appliedGeneration, :totalCapacity, :freeCapacity)")
    void insertReport(@BindMethods ReportRow row);

    @SqlBatch("INSERT INTO node_report_subsystems (node_id, position, nqn, state, message)"
            + " VALUES (:nodeId, :position, :nqn, :state, :message)")
    void insertSubsystems(@BindMethods List<SubsystemRow> rows);

    @SqlBatch("INSERT INTO node_report_orphans (node_id, position, name) VALUES (:nodeId, :position, :name)")
    void insertOrphans(@BindMethods List<OrphanRow> rows);
}
