package dev.strata.adapters.persistence;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads volumes with their replicas in one statement: each volume row joined with its replica rows,
 * ordered by volume id and replica position, then folded into one {@link Stored} per volume. The
 * fold reads one row ahead, so a stream over it holds one volume in memory, never the result.
 */
final class VolumeQueries {

    /** A volume's row with its replica rows. */
    record Stored(VolumeRow volume, List<ReplicaRow> replicas) {
    }

    private static final String SELECT = "SELECT v.id, v.tenant_id, v.alias, v.capacity, v.provisioning,"
            + " v.reserved_pct, v.protocol, v.num_replicas, v.racks, v.zones, v.regions, v.same_rack_allowed,"
            + " v.block_size, v.max_iops_per_gb, v.desired_iops_per_gb, v.max_bw_per_gb, v.desired_bw_per_gb,"
            + " v.max_replica_down_time, v.class_name, v.snapshot_id, v.writable, v.created_at,"
            + " r.id AS r_id, r.volume_id AS r_volume_id, r.node_id AS r_node_id, r.position AS r_position,"
            + " r.state AS r_state, r.state_time AS r_state_time";

    private static final String ORDER = " ORDER BY v.id, r.position";

    private VolumeQueries() {
    }

    static Query byId(PooledHandle handle, String id) {
        return query(handle, SELECT + " FROM volumes v JOIN replicas r ON r.volume_id = v.id WHERE v.id = :id" + ORDER)
                .bind("id", id);
    }

    static Query byAlias(PooledHandle handle, String tenant, String alias) {
        return query(handle, SELECT + " FROM volumes v JOIN replicas r ON r.volume_id = v.id"
                + " WHERE v.tenant_id = :tenant AND v.alias = :alias" + ORDER)
                .bind("tenant", tenant).bind("alias", alias);
    }

    /** Up to {@code limit} volumes of the tenant with an id after {@code after} ("" for all). */
    static Query page(PooledHandle handle, String tenant, String after, int limit) {
        return query(handle, SELECT + " FROM (SELECT * FROM volumes WHERE tenant_id = :tenant AND id > :after"
                + " ORDER BY id LIMIT :limit) v JOIN replicas r ON r.volume_id = v.id" + ORDER)
                .bind("tenant", tenant).bind("after", after).bind("limit", limit);
    }

    /** Up to {@code limit} volumes of any tenant, by id, with a replica that is not Available. */
    static Query degraded(PooledHandle handle, int limit) {
        return query(handle, SELECT + " FROM (SELECT * FROM volumes WHERE id IN (SELECT volume_id FROM replicas"
                + " WHERE state <> 'AVAILABLE') ORDER BY id LIMIT :limit) v JOIN replicas r ON r.volume_id = v.id"
                + ORDER).bind("limit", limit);
    }

    /** Every volume of the tenant with an id after {@code after} ("" for all). */
    static Query all(PooledHandle handle, String tenant, String after) {
        return query(handle, SELECT + " FROM volumes v JOIN replicas r ON r.volume_id = v.id"
                + " WHERE v.tenant_id = :tenant AND v.id > :after" + ORDER)
                .bind("tenant", tenant).bind("after", after);
    }

    /** Every volume, of any tenant, with a replica on the node. */
    static Query onNode(PooledHandle handle, String node) {
        return query(handle, SELECT + " FROM volumes v JOIN replicas r ON r.volume_id = v.id"
                + " WHERE v.id IN (SELECT volume_id FROM replicas WHERE node_id = :node)" + ORDER)
                .bind("node", node);
    }

    private static Query query(PooledHandle handle, String sql) {
        return handle.handle().createQuery(sql);
    }

    /** One joined row. */
    private record JoinRow(VolumeRow volume, ReplicaRow replica) {
    }

    /**
     * Reads the columns of {@link #SELECT} by position. Written by hand because this is the hot
     * path of every volume read, and a reflective mapper costs more than the query.
     */
    private static final RowMapper<JoinRow> JOINED = (ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) ->
            new JoinRow(volume(rs), new ReplicaRow(rs.getString(23), rs.getString(24), rs.getString(25),
                    rs.getInt(26), rs.getString(27), rs.getLong(28)));

    private static VolumeRow volume(ResultSet rs) throws SQLException {
        String snapshot = rs.getString(20);
        return new VolumeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getBoolean(12), rs.getInt(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17),
                rs.getLong(18), rs.getString(19), snapshot, rs.getBoolean(21), rs.getLong(22));
    }

    static List<Stored> list(Query query) {
        List<Stored> out = new ArrayList<>();
        try (Stream<Stored> stream = stream(query)) {
            stream.forEach(out::add);
        }
        return out;
    }

    /** The volumes as the cursor moves; closing the stream closes the statement. */
    static Stream<Stored> stream(Query query) {
        Stream<JoinRow> rows = query.setFetchSize(256).map(JOINED).stream();
        Iterator<Stored> folded = new Folding(rows.iterator());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(folded,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(rows::close);
    }

    /** Folds consecutive rows of one volume into one {@link Stored}. */
    private static final class Folding implements Iterator<Stored> {

        private final Iterator<JoinRow> rows;
        private JoinRow ahead;

        Folding(Iterator<JoinRow> rows) {
            this.rows = rows;
            this.ahead = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return ahead != null;
        }

        @Override
        public Stored next() {
            if (ahead == null) {
                throw new NoSuchElementException();
            }
            VolumeRow volume = ahead.volume();
            List<ReplicaRow> replicas = new ArrayList<>(4);
            Consumer<JoinRow> take = row -> replicas.add(row.replica());
            take.accept(ahead);
            ahead = null;
            while (rows.hasNext()) {
                JoinRow row = rows.next();
                if (!row.volume().id().equals(volume.id())) {
                    ahead = row;
                    break;
                }
                take.accept(row);
            }
            return new Stored(volume, replicas);
        }
    }
}
