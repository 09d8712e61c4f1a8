package dev.strata.adapters.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(TenantRow.class)
interface TenantDao {

    String COLUMNS = "id, name, capacity, total_iops, total_bandwidth, consumed_capacity, created_at";

    @SqlUpdate("INSERT INTO tenants (" + COLUMNS + ") VALUES (:id, :name, :capacity, :totalIops, :totalBandwidth,"
            + " :consumedCapacity, :createdAt)")
    void insert(@BindMethods TenantRow row);

    @SqlUpdate("DELETE FROM tenants WHERE id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM tenants ORDER BY id")
    List<TenantRow> all();
}
