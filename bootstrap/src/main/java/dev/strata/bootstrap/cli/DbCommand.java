package dev.strata.bootstrap.cli;

import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.postgresql.DatabaseCopy;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Database administration: moving up from the embedded SQLite database to PostgreSQL. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database administration.",
        subcommands = DbCommand.Copy.class)
final class DbCommand {

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy a whole SQLite database into an empty PostgreSQL database, in one transaction, and"
                    + " print the rows copied per table. The PostgreSQL password only from"
                    + " STRATA_DATABASE_PASSWORD. Stop the servers on the SQLite database first: what they write"
                    + " after the copy has read is not copied.")
    static final class Copy implements Callable<Integer> {

        @Option(names = "--from", required = true, paramLabel = "sqlite:PATH", description = "The SQLite database.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "postgresql://[user@]host[:port]/dbname",
                description = "An empty PostgreSQL database (new, or migrated by Strata and never used).")
        String to;

        @Override
        public Integer call() {
            if (!(DatabaseUrl.parse(from) instanceof DatabaseUrl.Sqlite source)) {
                throw new IllegalArgumentException("--from must be sqlite:PATH, not " + from);
            }
            if (!(DatabaseUrl.parse(to) instanceof DatabaseUrl.Postgresql target)) {
                throw new IllegalArgumentException("--to must be postgresql://[user@]host[:port]/dbname, not " + to);
            }
            // the pool's start and stop are not news to someone running a copy
            if (LoggerFactory.getLogger("com.zaxxer.hikari") instanceof ch.qos.logback.classic.Logger hikari) {
                hikari.setLevel(ch.qos.logback.classic.Level.WARN);
            }
            String password = System.getenv("STRATA_DATABASE_PASSWORD");
            DatabaseCopy.Report report = DatabaseCopy.copy(source.file(), target,
                    Optional.ofNullable(password).filter(p -> !p.isEmpty()));
            System.out.printf("Copied %s to %s (schema version %d):%n", source, target, report.schemaVersion());
            for (DatabaseCopy.Table table : report.tables()) {
                System.out.printf("  %-24s %10d rows%n", table.name(), table.rows());
            }
            System.out.printf("  %-24s %10d rows, the same as in the source%n", "total", report.rows());
            return 0;
        }
    }
}
