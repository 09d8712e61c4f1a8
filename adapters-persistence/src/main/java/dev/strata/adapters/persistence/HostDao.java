package dev.strata.adapters.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(HostRow.class)
interface HostDao {

    String COLUMNS = "id, nqn, name, client_type, version, duration_s, last_probe, registered_at, multipath,"
            + " used_nsids";

    @SqlUpdate("INSERT INTO hosts (" + COLUMNS + ") VALUES (:id, :nqn, :name, :clientType, :version, :durationS,"
            + " :lastProbe, :registeredAt, :multipath, :usedNsids)")
    void insert(@BindMethods HostRow row);

    @SqlUpdate("UPDATE hosts SET nqn = :nqn, name = :name, client_type = :clientType, version = :version,"
            + " duration_s = :durationS, last_probe = :lastProbe, multipath = :multipath, used_nsids = :usedNsids"
            + " WHERE id = :id")
    int update(@BindMethods HostRow row);

    @SqlUpdate("DELETE FROM hosts WHERE id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM hosts WHERE id = :id")
    Optional<HostRow> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM hosts WHERE nqn = :nqn")
    Optional<HostRow> findByNqn(@Bind("nqn") String nqn);

    @SqlQuery("SELECT " + COLUMNS + " FROM hosts ORDER BY id")
    List<HostRow> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM hosts WHERE name = :name ORDER BY id")
    List<HostRow> named(@Bind("name") String name);
}
