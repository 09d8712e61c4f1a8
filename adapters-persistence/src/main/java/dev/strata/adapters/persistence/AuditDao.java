package dev.strata.adapters.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(AuditRow.class)
interface AuditDao {

    @SqlQuery("SELECT id, time, request_id, user_name, auth_method, source_ip, action, target, outcome"
            + " FROM audit_log WHERE id > :after ORDER BY id LIMIT :limit")
    List<AuditRow> page(@Bind("after") long after, @Bind("limit") int limit);
}
