package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.persistence.postgresql.PostgresServer;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Running several instances", its shell blocks run by bash as written, one after
 * the other in one shell, against the test run's PostgreSQL server (reached through PGHOST and
 * PGPORT, as the section says) from a directory holding an embedded database to move up. Two
 * things differ from a reader's machine: {@code ./strata} there starts this build's classes, and
 * the ports 8091–8093 are free ports of this machine.
 */
class ReadmeScaleOutExamplesTest {

    private static final Pattern SHELL = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @AfterEach
    void dropDatabaseAndUser() {
        PostgresServer.shared().admin("DROP DATABASE IF EXISTS strata WITH (FORCE)", "DROP USER IF EXISTS strata");
    }

    private static String section() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Running several instances"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        StringBuilder script = new StringBuilder();
        Matcher block = SHELL.matcher(section);
        while (block.find()) {
            script.append(block.group(1));
        }
        return script.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theSectionsCommandsMoveUpStartThreeInstancesAndEachSeesWhatAnotherDid() throws Exception {
        // the embedded database of the quick start, with admin's password of the README and one node
        try (TestServer embedded = TestServer.start(dir.resolve("data"))) {
            Reply node = embedded.api().post("/backends", aNode().at("10.0.0.30").named("node-w").json());
            assertThat(node.status()).as(node.toString()).isEqualTo(201);
        }
        Path strata = dir.resolve("strata");
        Files.writeString(strata, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Xmx256m -cp '" + classPath() + "' dev.strata.bootstrap.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(strata, PosixFilePermissions.fromString("rwxr-xr-x"));

        String script = section();
        assertThat(script).contains("CREATE USER strata", "db copy", "--port 8091", "--port 8092", "--port 8093",
                "kill $(jobs -p)");
        for (String port : List.of("8091", "8092", "8093")) {
            script = script.replace(port, String.valueOf(freePort()));
        }
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectError(dir.resolve("err").toFile()).redirectOutput(dir.resolve("out").toFile());
        bash.environment().put("PGHOST", "127.0.0.1");
        bash.environment().put("PGPORT", String.valueOf(PostgresServer.shared().port()));
        bash.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        bash.environment().remove("STRATA_DATABASE_PASSWORD");
        Process process = bash.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(300, TimeUnit.SECONDS);
        String out = Files.readString(dir.resolve("out")) + "\n--- standard error:\n" + Files.readString(dir.resolve("err"));
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(finished).as(out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();

        // the copy's report, then node-w (copied) and node-x (made through the first) seen through the others
        assertThat(out).containsPattern("(?m)^  nodes +1 rows$").contains("the same as in the source");
        String answers = Files.readString(dir.resolve("out"));
        answers = answers.substring(answers.indexOf("the same as in the source") + "the same as in the source".length());
        List<JsonNode> replies = new ArrayList<>();
        new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(answers).forEachRemaining(replies::add);
        assertThat(replies).as(out).hasSize(4);
        assertThat(replies.get(0).path("name").asText()).as("POST /backends through the first").isEqualTo("node-x");
        assertThat(replies.get(1).findValuesAsText("name")).as("GET /backends through the second")
                .contains("node-w", "node-x");
        assertThat(replies.get(2).toString()).as("/v1/cluster/nodes/ through the third").contains("node-w", "node-x");
        assertThat(replies.get(3).isArray()).as("the volumes, through the first that answers").isTrue();
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire.replace(' ', File.pathSeparatorChar) : System.getProperty("java.class.path");
    }
}
