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

@RegisterConstructorMapper(NodeRow.class)
@RegisterConstructorMapper(NodeAddressRow.class)
@RegisterConstructorMapper(NodePortalRow.class)
interface NodeDao {

    String COLUMNS = "id, number, name, mgmt_port, rack, zone, region, host_id, state, total_capacity, total_iops,"
            + " total_bandwidth, allocated_capacity, provisioned_capacity, allocated_iops, allocated_bandwidth,"
            + " registered_at, updated_at";

    @SqlUpdate("INSERT INTO nodes (" + COLUMNS + ") VALUES (:id, :number, :name, :mgmtPort, :rack, :zone, :region,"
            + " :hostId, :state, :totalCapacity, :totalIops, :totalBandwidth, :allocatedCapacity,"
            + " :provisionedCapacity, :allocatedIops, :allocatedBandwidth, :registeredAt, :updatedAt)")
    void insert(@BindMethods NodeRow row);

    @SqlBatch("INSERT INTO node_mgmt_ips (node_id, position, ip) VALUES (:nodeId, :position, :ip)")
    void insertAddresses(@BindMethods List<NodeAddressRow> rows);

    @SqlBatch("INSERT INTO node_portals (node_id, position, ip, port, transport)"
            + " VALUES (:nodeId, :position, :ip, :port, :transport)")
    void insertPortals(@BindMethods List<NodePortalRow> rows);

    @SqlUpdate("DELETE FROM nodes WHERE id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM nodes WHERE id = :id")
    Optional<NodeRow> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM nodes WHERE number = :number")
    Optional<NodeRow> findByNumber(@Bind("number") int number);

    @SqlQuery("SELECT n.id FROM nodes n JOIN node_mgmt_ips a ON a.node_id = n.id WHERE a.ip = :ip")
    Optional<String> findIdByMgmtIp(@Bind("ip") String ip);

    @SqlQuery("SELECT " + COLUMNS + " FROM nodes ORDER BY number")
    List<NodeRow> all();

    @SqlQuery("SELECT node_id, position, ip FROM node_mgmt_ips WHERE node_id IN (<ids>) ORDER BY node_id, position")
    List<NodeAddressRow> addresses(@BindList("ids") List<String> ids);

    @SqlQuery("SELECT node_id, position, ip FROM node_mgmt_ips ORDER BY node_id, position")
    List<NodeAddressRow> allAddresses();

    @SqlQuery("SELECT node_id, position, ip, port, transport FROM node_portals WHERE node_id IN (<ids>)"
            + " ORDER BY node_id, position")
    List<NodePortalRow> portals(@BindList("ids") List<String> ids);

    @SqlQuery("SELECT node_id, position, ip, port, transport FROM node_portals ORDER BY node_id, position")
    List<NodePortalRow> allPortals();

    @SqlQuery("SELECT value FROM counters WHERE name = 'node_number'")
    Optional<Integer> lastNumber();

    @SqlUpdate("INSERT INTO counters (name, value) VALUES ('node_number', :value)"
            + " ON CONFLICT (name) DO UPDATE SET value"
            + " = CASE WHEN excluded.value > counters.value THEN excluded.value ELSE counters.value END")
    void recordNumber(@Bind("value") int value);
}
