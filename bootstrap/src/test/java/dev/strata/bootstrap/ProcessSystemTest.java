package dev.strata.bootstrap;

import static dev.strata.bootstrap.support.NodeJson.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.StrataProcess;
import dev.strata.bootstrap.support.Tls;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata serve} as an operator runs it: its own process, environment settings, SIGTERM. */
class ProcessSystemTest {

    @TempDir
    Path dir;

    @Test
    void stopsCleanlyOnSigtermAndServesTheSameDataWhenStartedAgain() throws Exception {
        Path data = dir.resolve("data");
        String id;
        try (StrataProcess strata = StrataProcess.start(data, Map.of("STRATA_THIN_OVERCOMMIT", "2.5",
                "STRATA_ADMIN_PASSWORD", "process-admin-pw"))) {
            Api api = new Api(strata.baseUri(), Tls.trusting(data.resolve("tls/server.crt")))
                    .withBasic("admin", "process-admin-pw");
            id = api.post("/backends", aNode().at("10.30.0.1").withCapacityGiB(10).json())
                    .json().path("persistentID").asText();

            int exit = strata.terminate();

            assertThat(exit).as("SIGTERM ends the JVM after its shutdown hook").isIn(0, 143);
            assertThat(strata.log()).contains("Stopped");
        }
        try (StrataProcess again = StrataProcess.start(data, Map.of())) {
            Api api = new Api(again.baseUri(), Tls.trusting(data.resolve("tls/server.crt")))
                    .withBasic("admin", "process-admin-pw");
            assertThat(api.get("/backends/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void refusesToStartWithAClearMessageWhenTheSettingsAreWrong() throws Exception {
        Path data = dir.resolve("data");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .replace(' ', java.io.File.pathSeparatorChar),
                "dev.strata.bootstrap.cli.Main", "serve", "--data-dir", data.toString(), "--tls-cert", "/nonexistent.pem")
                .redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).isNotZero();
        assertThat(output).contains("--tls-cert and --tls-key go together");
        assertThat(output).doesNotContain("\tat ");
    }
}
