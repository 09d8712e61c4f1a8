package dev.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code strata agent}: its settings' sources, and a one-line refusal of bad settings. */
class AgentCommandTest {

    @TempDir
    Path dir;

    private AgentCommand parse(Map<String, String> environment, Properties file, String... args) {
        CommandLine line = new CommandLine(new Main()).setDefaultValueProvider(new SettingsSources(environment, file));
        line.parseArgs(prepend("agent", args));
        return line.getSubcommands().get("agent").getCommand();
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void takesFlagsThenStrataAgentVariablesThenTheConfigFile() {
        Properties file = new Properties();
        file.setProperty("pool", "file:/from/file");
        file.setProperty("token.file", "/from/file/token");
        file.setProperty("interval", "30");
        Map<String, String> environment = Map.of("STRATA_AGENT_TOKEN_FILE", "/from/env/token",
                "STRATA_URL", "https://not-for-the-agent");

        AgentCommand agent = parse(environment, file, "--node", "node-a");

        assertThat(agent.node).isEqualTo("node-a");
        assertThat(agent.tokenFile).isEqualTo(Path.of("/from/env/token"));
        assertThat(agent.pool).isEqualTo("file:/from/file");
        assertThat(agent.interval).isEqualTo(30);
        assertThat(agent.url).as("serve's variables are not the agent's").isNull();
        assertThat(agent.configfs).isEqualTo(Path.of("/sys/kernel/config/nvmet"));
        assertThat(SettingsSources.environmentVariable("agent", "--token-file")).isEqualTo("STRATA_AGENT_TOKEN_FILE");
    }

    @Test
    void badSettingsAreRefusedInOneLineWithANonZeroExit() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "abc123\n");
        Path nvmet = Files.createDirectory(dir.resolve("nvmet"));
        Path pool = Files.createDirectory(dir.resolve("pool"));
        String[][] bad = {
            {"agent", "--node", "n", "--token-file", token.toString(), "--pool", "file:" + pool, "--configfs", nvmet.toString()},
            {"agent", "--url", "ftp://x", "--node", "n", "--token-file", token.toString(), "--pool", "file:" + pool,
                "--configfs", nvmet.toString()},
            {"agent", "--url", "https://x:8090", "--node", "n", "--token-file", dir.resolve("none").toString(),
                "--pool", "file:" + pool, "--configfs", nvmet.toString()},
            {"agent", "--url", "https://x:8090", "--node", "n", "--token-file", token.toString(), "--pool", "zfs:tank",
                "--configfs", nvmet.toString()},
            {"agent", "--url", "https://x:8090", "--node", "n", "--token-file", token.toString(), "--pool", "file:" + pool,
                "--configfs", nvmet.toString(), "--cacert", token.toString(), "--insecure"},
            {"agent", "--url", "https://x:8090", "--node", "n", "--token-file", token.toString(), "--pool", "file:" + pool,
                "--configfs", dir.resolve("no-nvmet").toString()},
            {"agent", "--url", "https://x:8090", "--node", "n", "--token-file", token.toString(), "--pool", "file:" + pool,
                "--configfs", nvmet.toString(), "--interval", "0"},
        };
        String[] expected = {"--url is required", "--url ftp://x", "--token-file", "--pool zfs:tank",
            "--cacert and --insecure", "--configfs", "--interval"};
        PrintStream original = System.err;
        try {
            for (int i = 0; i < bad.length; i++) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code = Main.run(bad[i]);
                String text = err.toString(StandardCharsets.UTF_8);
                String want = expected[i];
                assertThat(code).as(expected[i]).isNotZero();
                assertThat(text.strip().lines()).as(expected[i]).hasSize(1)
                        .allMatch(line -> line.startsWith("strata agent: ") && line.contains(want));
                assertThat(text).doesNotContain("abc123");
            }
        } finally {
            System.setErr(original);
        }
        assertThat(pool).isEmptyDirectory();
        assertThat(nvmet).isEmptyDirectory();
    }
}
