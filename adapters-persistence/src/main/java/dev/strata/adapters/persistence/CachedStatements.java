package dev.strata.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps each connection's prepared statements for reuse. Strata's connections live as long as the
 * process and run the same few statements over and over; compiling one costs SQLite more than
 * running it. Statements that return generated keys, and a statement already in use on its
 * connection (a nested query of the same text), are prepared afresh and closed as usual.
 */
public final class CachedStatements implements StatementBuilderFactory {

    /** Distinct statements kept per connection; `IN (…)` lists of many lengths must not grow it forever. */
    private static final int PER_CONNECTION = 256;

    /** Weak keys: a connection closed and dropped by the pool takes its cache with it. */
    private final Map<Connection, Cache> caches = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return caches.computeIfAbsent(connection, c -> new Cache());
    }

    private static final class Cache extends DefaultStatementBuilder {

        private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() > PER_CONNECTION) {
                    closeQuietly(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
        private final Map<PreparedStatement, String> cached = new java.util.IdentityHashMap<>();

        @Override
        public synchronized PreparedStatement create(Connection connection, String sql, StatementContext context)
                throws SQLException {
            if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
                return super.create(connection, sql, context);
            }
            PreparedStatement statement = idle.remove(sql);
            if (statement == null || statement.isClosed()) {
                if (cached.containsValue(sql)) {
                    // the same text is running already on this connection (a nested query): not cached
                    return super.create(connection, sql, context);
                }
                statement = connection.prepareStatement(sql);
            }
            cached.put(statement, sql);
            return statement;
        }

        @Override
        public synchronized void close(Connection connection, String sql, Statement statement) throws SQLException {
            String text = statement instanceof PreparedStatement prepared ? cached.remove(prepared) : null;
            if (text == null || statement.isClosed()) {
                super.close(connection, sql, statement);
                return;
            }
            PreparedStatement prepared = (PreparedStatement) statement;
            try {
                prepared.clearParameters();
                prepared.clearBatch();
            } catch (SQLException broken) {
                closeQuietly(prepared);
                return;
            }
            idle.put(text, prepared);
        }

        private static void closeQuietly(Statement statement) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is going away or the statement was already finalised
            }
        }
    }
}
