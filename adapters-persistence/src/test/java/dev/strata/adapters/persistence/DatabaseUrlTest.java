package dev.strata.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void readsASqlitePath() {
        assertThat(DatabaseUrl.parse("sqlite:/var/lib/strata/strata.db"))
                .isEqualTo(new DatabaseUrl.Sqlite(Path.of("/var/lib/strata/strata.db")));
    }

    @Test
    void readsAPostgresqlUrlWithDefaults() {
        assertThat(DatabaseUrl.parse("postgresql://db.example.org/strata"))
                .isEqualTo(new DatabaseUrl.Postgresql("strata", "db.example.org", 5432, "strata", Optional.empty()));
    }

    @Test
    void readsEveryPartOfAPostgresqlUrl() {
        DatabaseUrl.Postgresql url = (DatabaseUrl.Postgresql) DatabaseUrl.parse(
                "postgresql://ops@[::1]:6543/cp?sslmode=verify-full");
        assertThat(url).isEqualTo(new DatabaseUrl.Postgresql("ops", "::1", 6543, "cp", Optional.of("verify-full")));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:6543/cp?sslmode=verify-full");
    }

    @Test
    void refusesAPasswordInTheUrlWithoutShowingIt() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://ops:hunter2@db/strata"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRATA_DATABASE_PASSWORD")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesWhatIsNoDatabaseUrlInOneLine() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/strata"))
                .hasMessage("--database must be sqlite:PATH or postgresql://[user@]host[:port]/dbname,"
                        + " not 'mysql://db/strata'");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db")).hasMessageContaining("database name");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db/strata?sslmode=maybe"))
                .hasMessageContaining("sslmode");
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:")).hasMessageContaining("path");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://ops:hunter2@db/strata"))
                .hasMessageNotContaining("hunter2");
    }
}
