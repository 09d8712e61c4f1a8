package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.persistence.DatabaseUrl;
import dev.strata.adapters.persistence.postgresql.PostgresServer;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata db copy}, run as an operator runs it (its own process, the password in
 * STRATA_DATABASE_PASSWORD), from a SQLite database filled through a real server, with a row in
 * every table, into a PostgreSQL database that a server then serves from.
 */
class DatabaseCopySystemTest {

    private static final long GIB = 1L << 30;
    /** The lists a user would compare after moving up. */
    private static final List<String> LISTS = List.of("/backends", "/volumes", "/acme/volumes", "/tenants",
            "/snapshots", "/acme/snapshots", "/hosts", "/targets?hostId=host-1", "/v1/users/", "/v1/auth/roles/",
            "/v1/auth/access-tokens/", "/v1/audit/", "/v1/cluster/nodes/");

    /** What a refused copy must leave as it was. */
    private static final List<String> UNTOUCHED = List.of("/backends", "/volumes", "/tenants", "/v1/users/",
            "/v1/auth/roles/", "/v1/audit/");

    @TempDir
    Path dir;

    private DatabaseUrl.Postgresql url;

    @BeforeEach
    void database() {
        url = PostgresServer.shared().newDatabase();
    }

    @AfterEach
    void dropDatabase() {
        PostgresServer.shared().dropDatabase(url);
    }

    private record Credentials(String node, String opsToken, String opsSession, String agentToken) {
    }

    /** Something in every table, made through the API as users make it. */
    private static Credentials fill(TestServer server) {
        Api admin = server.api();
        List<String> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Reply node = admin.post("/backends", aNode().at("10.60.0." + i).onRack("r" + i).inZone("nova")
                    .withCapacityGiB(1000).withPortal("192.168.60." + i, 4420, "TCP").json());
            assertThat(node.status()).as(node.toString()).isEqualTo(201);
            nodes.add(node.json().path("persistentID").asText());
        }
        ok(admin.post("/tenants", "{\"tenantId\": \"acme\", \"capacity\": 500}"));
        ok(admin.post("/v1/auth/roles/", "{\"name\": \"auditor\", \"description\": \"reads the cluster\","
                + " \"privileges\": [\"PRIVILEGE_CLUSTER_READ\"]}"));
        ok(admin.post("/v1/users/", "{\"name\": \"ops\", \"password\": \"ops-password-1\","
                + " \"roles\": [\"storage\", \"auditor\"], \"tenant_id\": null}"));
        String opsToken = admin.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"ops\"}}").json()
                .path("bearer_token").asText();
        String opsSession = server.anonymous().post("/v1/session/login",
                "{\"username\": \"ops\", \"password\": \"ops-password-1\"}").json().path("bearer_token").asText();
        assertThat(server.anonymous().withBasic("ops", "wrong-password").get("/backends").status()).isEqualTo(401);

        String volume = UUID.randomUUID().toString();
        ok(admin.post("/volumes", VolumesSystemTest.cinderVolume("web-1", volume, 10, "THICK", 2)));
        ok(admin.post("/acme/volumes", VolumesSystemTest.cinderVolume("db-1", UUID.randomUUID().toString(), 20,
                "THIN", 1)));
        Reply snapshot = admin.post("/snapshots", "{\"alias\": \"snap\", \"volumeID\": \"" + volume + "\","
                + " \"reservedSpacePercentage\": 10}");
        ok(snapshot);
        // a volume made from the snapshot: volumes and snapshots refer to each other
        ok(admin.post("/snapshot_volumes", "{\"alias\": \"restored\", \"snapshotID\": \""
                + snapshot.json().path("snapshotID").asText() + "\", \"writable\": true}"));
        ok(admin.post("/host_probe", "{\"hostNqn\": \"nqn.2014-08.org.example:host-1\", \"hostId\": \"host-1\","
                + " \"name\": \"compute-1\", \"duration\": 30}"));
        ok(admin.post("/publish", "{\"hostId\": \"host-1\", \"volId\": \"" + volume + "\"}"));
        // the host agent's side: a forwarded event, and a migration (a task with its tags)
        ok(admin.post("/forward_log", "{\"loggingType\": \"EVENT\", \"level\": \"WARNING\", \"host\": \"compute-1\","
                + " \"appName\": \"nvmeof_agent\", \"message\": \"leg 1 of md0 failed\", \"parametersList\": [\"md0\"]}"));
        for (JsonNode location : admin.get("/volumes/" + volume).json().get(0).path("location")) {
            ok(admin.patch("/replica/" + volume + "/" + location.path("uuid").asText() + "/Available", null));
        }
        ok(admin.post("/migrate_volume", "{\"volId\": \"" + volume + "\"}"));
        // an account locked by five failed logins
        ok(admin.post("/v1/users/", "{\"name\": \"locked\", \"password\": \"locked-password-1\", \"roles\": []}"));
        for (int i = 0; i < 5; i++) {
            assertThat(server.anonymous().post("/v1/session/login",
                    "{\"username\": \"locked\", \"password\": \"not-it\"}").status()).isEqualTo(401);
        }

        String node = admin.get("/volumes/" + volume).json().get(0).path("location").get(0).path("backend")
                .path("persistentID").asText();
        ok(admin.post("/v1/users/", "{\"name\": \"agent-1\", \"password\": \"agent-password-1\","
                + " \"roles\": [\"node-agent\"], \"node_id\": \"" + node + "\"}"));
        String agentToken = admin.post("/v1/auth/access-tokens/", "{\"user\": {\"name\": \"agent-1\"}}").json()
                .path("bearer_token").asText();
        ok(server.anonymous().withBearer(agentToken).put("/v1/agent/nodes/" + node + "/observed",
                "{\"generation\": 1, \"agentVersion\": \"strata-agent 1.0\", \"intervalSeconds\": 10,"
                        + " \"totalCapacity\": " + 1000 * GIB + ", \"freeCapacity\": " + 900 * GIB + ", \"replicas\": [],"
                        + " \"subsystems\": [{\"nqn\": \"nqn.2026-11.dev.strata:x\", \"state\": \"Failed\","
                        + " \"message\": \"no port\"}], \"orphans\": [\"stale.img\"]}"));
        // a replica deleted on the agent's node: retired until the agent reports it gone
        String doomed = UUID.randomUUID().toString();
        ok(admin.post("/volumes", VolumesSystemTest.cinderVolume("doomed", doomed, 5, "THICK", 3)));
        ok(admin.delete("/volumes/" + doomed));
        return new Credentials(node, opsToken, opsSession, agentToken);
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
    }

    private static Map<String, JsonNode> lists(Api admin) {
        return lists(admin, LISTS);
    }

    private static Map<String, JsonNode> lists(Api admin, List<String> paths) {
        Map<String, JsonNode> lists = new LinkedHashMap<>();
        for (String path : paths) {
            Reply reply = admin.get(path);
            assertThat(reply.status()).as(path + " " + reply).isEqualTo(200);
            lists.put(path, reply.json());
        }
        return lists;
    }

    private record Run(int exit, String out, String err) {
    }

    /** {@code strata db copy …} in a process of its own, with the password in its environment. */
    private static Run strata(Optional<String> password, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", classPath(), "dev.strata.bootstrap.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("STRATA_DATABASE_PASSWORD");
        password.ifPresent(p -> builder.environment().put("STRATA_DATABASE_PASSWORD", p));
        Path out = java.nio.file.Files.createTempFile("strata-db-copy-", ".out");
        Path err = java.nio.file.Files.createTempFile("strata-db-copy-", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("strata " + String.join(" ", args) + " did not finish within 120 s");
        }
        try {
            return new Run(process.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
        } finally {
            java.nio.file.Files.delete(out);
            java.nio.file.Files.delete(err);
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire.replace(' ', File.pathSeparatorChar) : System.getProperty("java.class.path");
    }

    private static Map<String, Long> sqliteCounts(Path file) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite%' AND name <> 'flyway_schema_history' ORDER BY name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    private static Map<String, Long> printedCounts(String out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^  (\\w+) +(\\d+) rows$").matcher(out);
        while (line.find()) {
            counts.put(line.group(1), Long.parseLong(line.group(2)));
        }
        return counts;
    }

    @Test
    void aDatabaseWithARowInEveryTableMovesToPostgresqlAndIsServedFromThereWithTheSameCredentials()
            throws Exception {
        Path sqliteDir = dir.resolve("sqlite");
        Credentials credentials;
        Map<String, JsonNode> before;
        try (TestServer sqlite = TestServer.start(sqliteDir)) {
            credentials = fill(sqlite);
            before = lists(sqlite.api());
        }
        Path file = sqliteDir.resolve("strata.db");
        Map<String, Long> source = sqliteCounts(file);
        assertThat(source).as("every table of the schema has a row to copy").allSatisfy((table, rows) ->
                assertThat(rows).as(table).isPositive());

        Run copy = strata(Optional.of(PostgresServer.PASSWORD), "db", "copy", "--from", "sqlite:" + file,
                "--to", url.toString());
        assertThat(copy.exit()).as(copy.toString()).isZero();
        assertThat(printedCounts(copy.out())).as(copy.out()).isEqualTo(source);
        assertThat(copy.out()).contains("total").doesNotContain(PostgresServer.PASSWORD);

        try (TestServer postgres = TestServer.start(dir.resolve("postgresql"),
                settings -> settings.withDatabase(url, Optional.of(PostgresServer.PASSWORD)))) {
            Map<String, JsonNode> after = lists(postgres.api());
            for (String path : LISTS) {
                assertThat(after.get(path)).as(path).isEqualTo(before.get(path));
            }
            Api anonymous = postgres.anonymous();
            assertThat(anonymous.withBasic("ops", "ops-password-1").get("/v1/session/who-am-i").status())
                    .isEqualTo(200);
            assertThat(anonymous.withBasic("ops", "wrong-password").get("/v1/session/who-am-i").status())
                    .isEqualTo(401);
            assertThat(anonymous.withBearer(credentials.opsToken()).get("/backends").status()).isEqualTo(200);
            assertThat(anonymous.withBearer(credentials.opsSession()).get("/v1/session/who-am-i").json()
                    .path("name").asText()).isEqualTo("ops");
            assertThat(anonymous.withBearer(credentials.agentToken())
                    .get("/v1/agent/nodes/" + credentials.node() + "/desired").json().path("retiredReplicas"))
                    .hasSize(1);

            // ids and numbers go on past the copied ones: a new node, user and audit entry
            Api admin = postgres.api();
            Reply node = admin.post("/backends", aNode().at("10.60.0.9").inZone("nova").withCapacityGiB(100).json());
            assertThat(node.status()).as(node.toString()).isEqualTo(201);
            ok(admin.post("/v1/users/", "{\"name\": \"newcomer\", \"password\": \"newcomer-password\", \"roles\": []}"));
            JsonNode audit = admin.get("/v1/audit/").json();
            assertThat(audit.toString()).contains("newcomer");
            assertThat(admin.get("/v1/cluster/nodes/").json().toString()).contains("\"id\":4");
        }
    }

    @Test
    void refusesATargetThatIsNotEmptyAndLeavesItAsItWas() throws Exception {
        Path sqliteDir = dir.resolve("sqlite");
        try (TestServer sqlite = TestServer.start(sqliteDir)) {
            ok(sqlite.api().post("/backends", aNode().at("10.61.0.1").withCapacityGiB(10).json()));
        }
        Path file = sqliteDir.resolve("strata.db");
        Map<String, JsonNode> before;
        try (TestServer postgres = TestServer.start(dir.resolve("postgresql"),
                settings -> settings.withDatabase(url, Optional.of(PostgresServer.PASSWORD)))) {
            ok(postgres.api().post("/backends", aNode().at("10.61.0.2").withCapacityGiB(10).json()));
            before = lists(postgres.api(), UNTOUCHED);
        }
        Run copy = strata(Optional.of(PostgresServer.PASSWORD), "db", "copy", "--from", "sqlite:" + file,
                "--to", url.toString());
        assertThat(copy.exit()).isNotZero();
        assertThat(copy.err().strip().lines()).as(copy.err()).hasSize(1);
        assertThat(copy.err()).startsWith("strata db copy: the target database is not empty: ");
        try (TestServer postgres = TestServer.start(dir.resolve("postgresql"),
                settings -> settings.withDatabase(url, Optional.of(PostgresServer.PASSWORD)))) {
            assertThat(lists(postgres.api(), UNTOUCHED)).isEqualTo(before);
        }
    }

    @Test
    void saysInOneLineWhatIsWrongWithTheUrlsTheServerOrThePassword() throws Exception {
        try (TestServer sqlite = TestServer.start(dir.resolve("sqlite"))) {
            // a database to copy from
        }
        Path file = dir.resolve("sqlite").resolve("strata.db");
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("--to must be postgresql://", new String[] {"--from", "sqlite:" + file, "--to", "sqlite:/tmp/x.db"});
        cases.put("--database must be sqlite:PATH or postgresql://", new String[] {"--from", "sqlite:" + file,
                "--to", "mysql://db/strata"});
        cases.put("--from: no SQLite database at ", new String[] {"--from", "sqlite:" + dir.resolve("none.db"),
                "--to", url.toString()});
        cases.put("cannot open the database postgresql://strata@127.0.0.1:1/strata: ", new String[] {
                "--from", "sqlite:" + file, "--to", "postgresql://strata@127.0.0.1:1/strata"});
        for (Map.Entry<String, String[]> given : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("db", "copy"));
            args.addAll(List.of(given.getValue()));
            Run run = strata(Optional.of("secret-db-password"), args.toArray(String[]::new));
            assertThat(run.exit()).as(run.toString()).isNotZero();
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).contains(given.getKey()).doesNotContain("secret-db-password");
        }
        Run wrong = strata(Optional.of("secret-db-password"), "db", "copy", "--from", "sqlite:" + file,
                "--to", url.toString());
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.err().strip().lines()).as(wrong.err()).hasSize(1);
        assertThat(wrong.err()).contains("password authentication failed").doesNotContain("secret-db-password");
    }
}
