package dev.strata.adapters.persistence;

import dev.strata.domain.host.HostEvent;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(HostEventDao.Row.class)
interface HostEventDao {

    /** A row of {@code host_events}. Public only because JDBI binds the accessors of public types alone. */
    record Row(long id, long time, String host, String loggingType, String level, String appName, String message,
               String parameters) {

        static Row of(HostEvent event) {
            return new Row(0, event.time().toEpochMilli(), event.host(), event.loggingType(), event.level(),
                    event.appName(), event.message(), event.parameters());
        }

        HostEvent toEvent() {
            return new HostEvent(id, java.time.Instant.ofEpochMilli(time), host, loggingType, level, appName, message,
                    parameters);
        }
    }

    /** RETURNING rather than generated keys: the statement is then prepared once per connection and kept. */
    @SqlQuery("INSERT INTO host_events (time, host, logging_type, level, app_name, message, parameters)"
            + " VALUES (:time, :host, :loggingType, :level, :appName, :message, :parameters)"
            + " RETURNING id")
    long insert(@BindMethods Row row);

    @SqlQuery("SELECT id, time, host, logging_type, level, app_name, message, parameters FROM host_events"
            + " WHERE id > :after ORDER BY id LIMIT :limit")
    List<Row> page(@Bind("after") long after, @Bind("limit") int limit);
}
