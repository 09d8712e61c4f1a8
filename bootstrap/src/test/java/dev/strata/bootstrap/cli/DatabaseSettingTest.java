package dev.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.postgresql.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata serve --database}: what cannot be used is refused at start in one line, exit status 1. */
class DatabaseSettingTest {

    @TempDir
    Path dir;

    private record Result(int exit, String err) {
    }

    private Result serve(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Result(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private Path config(String password) throws IOException {
        Path file = dir.resolve("strata.properties");
        Files.writeString(file, "database.password=" + password + "\n");
        return file;
    }

    @Test
    void refusesAUrlItCannotParse() {
        Result result = serve("serve", "--port", "0", "--data-dir", dir.toString(), "--database", "mysql://db/x");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("strata serve: --database must be sqlite:PATH or postgresql://");
    }

    @Test
    void refusesAServerItCannotReachNamingItAndNeverThePassword() throws IOException {
        Result result = serve("serve", "--port", "0", "--data-dir", dir.toString(), "--config",
                config("hunter2-db").toString(), "--database", "postgresql://strata@127.0.0.1:1/strata");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("strata serve: cannot open the database"
                + " postgresql://strata@127.0.0.1:1/strata: ").doesNotContain("hunter2-db");
    }

    @Test
    void refusesAWrongPasswordSayingSoAndNeverShowingIt() throws IOException {
        DatabaseUrl.Postgresql url = PostgresServer.shared().newDatabase();
        Result result = serve("serve", "--port", "0", "--data-dir", dir.toString(), "--config",
                config("not-the-password").toString(), "--database", url.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("password authentication failed for user \"postgres\"")
                .doesNotContain("not-the-password");
        PostgresServer.shared().dropDatabase(url);
    }
}
