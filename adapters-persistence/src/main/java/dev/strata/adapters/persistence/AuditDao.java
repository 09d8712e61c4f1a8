package dev.strata.adapters.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(AuditRow.class)
interface AuditDao {

    /** RETURNING rather than generated keys: the statement is then prepared once per connection and kept. */
    @SqlQuery("INSERT INTO audit_log (time, request_id, user_name, auth_method, source_ip, action, target, outcome)"
            + " VALUES (:time, :requestId, :userName, :authMethod, :sourceIp, :action, :target, :outcome)"
            + " RETURNING id")
    long insert(@BindMethods AuditRow row);

    @SqlQuery("SELECT id, time, request_id, user_name, auth_method, source_ip, action, target, outcome"
            + " FROM audit_log WHERE id > :after ORDER BY id LIMIT :limit")
    List<AuditRow> page(@Bind("after") long after, @Bind("limit") int limit);
}
