package dev.strata.adapters.persistence.postgresql;

import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.sqlite.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moving up from the embedded default: a whole SQLite database copied into an empty PostgreSQL
 * database at the newest schema, in one transaction.
 *
 * <p>The tables are not listed here: they are read from both schemas, which must hold the same
 * tables with the same columns (Flyway's own history excepted), so a table added by a later
 * migration is copied without a change here, and a migration written for one dialect only stops
 * the copy. Values go over as they are stored (password hashes and token hashes included: no secret
 * is ever in the database to be copied), with SQLite's 0/1 flags turned into booleans. Foreign keys
 * are dropped for the copy and added again before the commit, so the order of the tables does not
 * matter (volumes and snapshots refer to each other) and PostgreSQL checks every reference of the
 * copied rows. Identity columns are set past the highest copied value.
 */
public final class DatabaseCopy {

    /** Flyway's history: each database keeps its own. */
    private static final String HISTORY = "flyway_schema_history";
    /**
     * The rows the migrations themselves insert, by table: the condition they meet while nothing
     * has changed them. A target with only these is empty; they are replaced by the source's.
     */
    private static final Map<String, String> MIGRATION_ROWS = Map.of(
            "tenants", "id = '0' AND consumed_capacity = 0");
    private static final int BATCH = 500;

    /** One table copied: the rows in the source and the rows now in the target (always equal). */
    public record Table(String name, long rows) {
    }

    /** What a copy did, table by table in name order. */
    public record Report(int schemaVersion, List<Table> tables) {
        public long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    private DatabaseCopy() {
    }

    /**
     * Copies the SQLite database in {@code from} into the PostgreSQL database {@code to}. The source
     * is first brought to the newest schema, as {@code strata serve} would on start; so is the
     * target, which must then hold nothing but what its migrations made. Throws with a one-line
     * reason (that never holds the password) when anything stops it; the target is then as before.
     */
    public static Report copy(Path from, DatabaseUrl.Postgresql to, Optional<String> password) {
        if (!Files.isRegularFile(from)) {
            throw new IllegalArgumentException("--from: no SQLite database at " + from);
        }
        try (SqliteDatabase source = SqliteDatabase.open(from)) {
            // migrated to the newest schema; closed again so that the copy reads the file alone
        }
        try (PostgresDatabase target = PostgresDatabase.at(to, password)) {
            target.open();
        }
        try (Connection source = sqlite(from); Connection target = postgresql(to, password)) {
            return copy(source, target);
        } catch (SQLException e) {
            throw new IllegalStateException("the copy failed and nothing was written: " + oneLine(e), e);
        }
    }

    private static Connection sqlite(Path file) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        // one read transaction: every table is read from the same snapshot, even while a server writes
        connection.setAutoCommit(false);
        return connection;
    }

    private static Connection postgresql(DatabaseUrl.Postgresql url, Optional<String> password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("ApplicationName", "strata db copy");
        properties.setProperty("reWriteBatchedInserts", "true");
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
        connection.setAutoCommit(false);
        return connection;
    }

    private static Report copy(Connection source, Connection target) throws SQLException {
        int version = sameSchemaVersion(source, target);
        Map<String, Map<String, String>> sourceTables = sqliteTables(source);
        Map<String, Map<String, String>> targetTables = postgresqlTables(target);
        sameTables(sourceTables, targetTables);
        try {
            try (Statement statement = target.createStatement()) {
                // no instance may start writing while the target is checked and filled
                statement.execute("LOCK TABLE " + String.join(", ", quoted(targetTables.keySet()))
                        + " IN ACCESS EXCLUSIVE MODE NOWAIT");
            }
            refuseNonEmpty(target, targetTables.keySet());
            List<String> foreignKeys = dropForeignKeys(target);
            List<Table> copied = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> table : targetTables.entrySet()) {
                copied.add(copyTable(source, target, table.getKey(), table.getValue()));
            }
            try (Statement statement = target.createStatement()) {
                for (String foreignKey : foreignKeys) {
                    statement.execute(foreignKey);
                }
            }
            advanceIdentities(target);
            target.commit();
            return new Report(version, copied);
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            source.rollback();
        }
    }

    /** Both databases at the same migration, so that "the same tables" means the same schema. */
    private static int sameSchemaVersion(Connection source, Connection target) throws SQLException {
        String newest = "SELECT max(CAST(version AS INTEGER)) FROM " + HISTORY + " WHERE success AND version IS NOT NULL";
        long from = single(source, newest.replace("WHERE success", "WHERE success = 1"));
        long to = single(target, newest);
        if (from != to) {
            throw new IllegalStateException("the source is at schema version " + from + " and the target at " + to
                    + ": run the same Strata version on both");
        }
        return (int) from;
    }

    /** Table name → column name → SQLite's declared type, Flyway's history and SQLite's own left out. */
    private static Map<String, Map<String, String>> sqliteTables(Connection source) throws SQLException {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '" + HISTORY + "'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        for (String name : names) {
            Map<String, String> columns = new LinkedHashMap<>();
            try (Statement statement = source.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA table_info(" + quote(name) + ")")) {
                while (rows.next()) {
                    columns.put(rows.getString("name"), rows.getString("type"));
                }
            }
            tables.put(name, columns);
        }
        return tables;
    }

    /** Table name → column name → PostgreSQL's data type, in the schema the connection uses. */
    private static Map<String, Map<String, String>> postgresqlTables(Connection target) throws SQLException {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        try (Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.table_name, c.column_name, c.data_type"
                     + " FROM information_schema.columns c JOIN information_schema.tables t"
                     + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                     + " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
                     + " AND c.table_name <> '" + HISTORY + "' ORDER BY c.table_name, c.ordinal_position")) {
            while (rows.next()) {
                tables.computeIfAbsent(rows.getString(1), t -> new LinkedHashMap<>())
                        .put(rows.getString(2), rows.getString(3));
            }
        }
        return tables;
    }

    private static void sameTables(Map<String, Map<String, String>> source, Map<String, Map<String, String>> target) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(source.keySet());
        all.addAll(target.keySet());
        for (String table : all) {
            if (!target.containsKey(table)) {
                differences.add("table " + table + " only in the source");
            } else if (!source.containsKey(table)) {
                differences.add("table " + table + " only in the target");
            } else {
                TreeSet<String> onlySource = new TreeSet<>(source.get(table).keySet());
                onlySource.removeAll(target.get(table).keySet());
                TreeSet<String> onlyTarget = new TreeSet<>(target.get(table).keySet());
                onlyTarget.removeAll(source.get(table).keySet());
                onlySource.forEach(c -> differences.add("column " + table + "." + c + " only in the source"));
                onlyTarget.forEach(c -> differences.add("column " + table + "." + c + " only in the target"));
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the two schemas differ: " + String.join("; ", differences));
        }
    }

    private static void refuseNonEmpty(Connection target, Iterable<String> tables) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            String seeded = MIGRATION_ROWS.get(table);
            long rows = single(target, "SELECT count(*) FROM " + quote(table)
                    + (seeded == null ? "" : " WHERE NOT (" + seeded + ")"));
            if (rows > 0) {
                holding.add(table + " (" + rows + ")");
            }
        }
        if (!holding.isEmpty()) {
            throw new IllegalStateException("the target database is not empty: " + String.join(", ", holding)
                    + "; copy only into a new database");
        }
        try (Statement statement = target.createStatement()) {
            for (Map.Entry<String, String> seeded : MIGRATION_ROWS.entrySet()) {
                statement.execute("DELETE FROM " + quote(seeded.getKey()) + " WHERE " + seeded.getValue());
            }
        }
    }

    /** Drops every foreign key of the schema and answers the statements that add them again. */
    private static List<String> dropForeignKeys(Connection target) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        try (Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT conrelid::regclass::text, conname,"
                     + " pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'"
                     + " AND connamespace = current_schema()::regnamespace ORDER BY conrelid::regclass::text, conname")) {
            while (rows.next()) {
                drops.add("ALTER TABLE " + rows.getString(1) + " DROP CONSTRAINT " + quote(rows.getString(2)));
                adds.add("ALTER TABLE " + rows.getString(1) + " ADD CONSTRAINT " + quote(rows.getString(2)) + " "
                        + rows.getString(3));
            }
        }
        try (Statement statement = target.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
        return adds;
    }

    private static Table copyTable(Connection source, Connection target, String table, Map<String, String> columns)
            throws SQLException {
        List<String> names = List.copyOf(columns.keySet());
        String list = String.join(", ", quoted(names));
        long inSource = single(source, "SELECT count(*) FROM " + quote(table));
        long sent = 0;
        try (Statement read = source.createStatement();
             ResultSet rows = read.executeQuery("SELECT " + list + " FROM " + quote(table));
             // OVERRIDING SYSTEM VALUE: ids are copied as they are, GENERATED ALWAYS identity columns too
             PreparedStatement insert = target.prepareStatement("INSERT INTO " + quote(table) + " (" + list
                     + ") OVERRIDING SYSTEM VALUE VALUES (" + String.join(", ", names.stream().map(n -> "?").toList()) + ")")) {
            int pending = 0;
            while (rows.next()) {
                for (int i = 0; i < names.size(); i++) {
                    bind(insert, i + 1, rows, table, names.get(i), columns.get(names.get(i)));
                }
                insert.addBatch();
                sent++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        long inTarget = single(target, "SELECT count(*) FROM " + quote(table));
        if (sent != inSource || inTarget != inSource) {
            throw new IllegalStateException("table " + table + ": " + inSource + " rows in the source, " + sent
                    + " read, " + inTarget + " in the target");
        }
        return new Table(table, inTarget);
    }

    /** One value, as stored, in the target column's type. */
    private static void bind(PreparedStatement insert, int index, ResultSet rows, String table, String name,
                             String type) throws SQLException {
        int column = index;
        switch (type) {
            case "boolean" -> {
                long flag = rows.getLong(column);
                if (rows.wasNull()) {
                    insert.setNull(index, java.sql.Types.BOOLEAN);
                } else if (flag == 0 || flag == 1) {
                    insert.setBoolean(index, flag == 1);
                } else {
                    throw new IllegalStateException(table + "." + name + " holds " + flag + ", not a flag (0 or 1)");
                }
            }
            case "bigint", "integer", "smallint" -> {
                long number = rows.getLong(column);
                if (rows.wasNull()) {
                    insert.setNull(index, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(index, number);
                }
            }
            case "double precision", "real", "numeric" -> {
                double number = rows.getDouble(column);
                if (rows.wasNull()) {
                    insert.setNull(index, java.sql.Types.DOUBLE);
                } else {
                    insert.setDouble(index, number);
                }
            }
            case "bytea" -> insert.setBytes(index, rows.getBytes(column));
            default -> insert.setString(index, rows.getString(column));
        }
    }

    /** Every identity or serial column's sequence set past the highest value copied into it. */
    private static void advanceIdentities(Connection target) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                     + " WHERE table_schema = current_schema() AND (is_identity = 'YES'"
                     + " OR column_default LIKE 'nextval(%')")) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] column : columns) {
            try (PreparedStatement advance = target.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), m)"
                    + " FROM (SELECT max(" + quote(column[1]) + ") AS m FROM " + quote(column[0]) + ") highest"
                    + " WHERE m IS NOT NULL")) {
                advance.setString(1, quote(column[0]));
                advance.setString(2, column[1]);
                advance.executeQuery().close();
            }
        }
    }

    private static long single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static List<String> quoted(Iterable<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(name -> quoted.add(quote(name)));
        return quoted;
    }

    private static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
