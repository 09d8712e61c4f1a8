package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.NodeJson;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of the README's "Storage nodes and their agents", read from the README and run as
 * written by bash, with only what a test must put in: the test server for {@code strata-2.example}
 * and {@code strata.example}, a closed port for {@code strata-1.example} (so the failover runs), a
 * temporary directory for {@code /etc/strata}, {@code /srv/strata} and the nvmet configfs
 * ({@code STRATA_AGENT_CONFIGFS}, this machine having no configfs), the test's classes for
 * {@code strata.jar}, and the node id and token the commands themselves printed. The systemd
 * unit's {@code ExecStart} runs with the config file the README describes; its
 * {@code ExecStartPre} (modprobe) cannot run here.
 */
class ReadmeAgentExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("```(sh|ini)\\n(.*?)```", Pattern.DOTALL);
    private static final String HOST_NQN = "nqn.2014-08.org.example:readme-agent-host";

    @TempDir
    Path dir;

    private static String section() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Storage nodes and their agents"));
        return section.substring(0, section.indexOf("\n## ", 1));
    }

    private static List<String> blocks(String section, String kind) {
        List<String> found = new ArrayList<>();
        Matcher block = BLOCK.matcher(section);
        while (block.find()) {
            if (block.group(1).equals(kind)) {
                found.add(block.group(2));
            }
        }
        return found;
    }

    private Map<String, String> substitutions(TestServer server, int closedPort) {
        String base = server.baseUri().toString().replaceAll("/$", "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .replace(' ', File.pathSeparatorChar);
        Map<String, String> put = new LinkedHashMap<>();
        put.put("https://strata-1.example:8090", "https://127.0.0.1:" + closedPort);
        put.put("https://strata-2.example:8090", base);
        put.put("https://strata.example:8090", base);
        put.put("/etc/strata", dir.resolve("etc/strata").toString());
        put.put("/srv/strata", dir.resolve("srv/strata").toString());
        put.put("/usr/bin/java ", java + " ");
        put.put("\njava ", "\n" + java + " ");
        put.put("-jar /opt/strata/strata.jar", "-cp " + classPath + " dev.strata.bootstrap.cli.Main");
        return put;
    }

    private static String substitute(String text, Map<String, String> substitutions) {
        String result = "\n" + text;
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            result = result.replace(s.getKey(), s.getValue());
        }
        return result.substring(1);
    }

    private record Run(int exit, String output) {
    }

    private Run bash(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        builder.environment().put("STRATA_AGENT_CONFIGFS", dir.resolve("nvmet").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Run(process.waitFor(), output);
    }

    @Test
    void theSectionsCommandsSetUpAnAgentThatAppliesItsNodesState() throws Exception {
        String section = section();
        List<String> shell = blocks(section, "sh");
        List<String> units = blocks(section, "ini");
        assertThat(shell).as("the Strata block and the node block").hasSize(2);
        assertThat(units).as("the systemd unit").hasSize(1);
        Files.createDirectories(dir.resolve("nvmet"));
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            Api admin = server.api();
            Map<String, String> put = substitutions(server, closedPort);
            String node = admin.post("/backends", NodeJson.aNode().at("10.70.0.1").withPortal("192.168.70.1", 4420, "TCP")
                    .withCapacityGiB(100).json()).json().path("persistentID").asText();
            String volume = UUID.randomUUID().toString();
            assertThat(admin.post("/volumes", "{\"alias\": \"readme-agent\", \"uuid\": \"" + volume
                    + "\", \"capacity\": 1, \"provisioningType\": \"THIN\"}").status()).isEqualTo(201);
            assertThat(admin.post("/host_probe", "{\"hostNqn\": \"" + HOST_NQN + "\", \"hostId\": \"readme-host\","
                    + " \"name\": \"compute\", \"duration\": 3600}").status()).isEqualTo(200);
            assertThat(admin.post("/publish", "{\"hostId\": \"readme-host\", \"volId\": \"" + volume + "\"}").status())
                    .isEqualTo(200);

            // On Strata: the agent user and its token, printed once.
            String strataBlock = substitute(shell.get(0), put).replace("NODE=…", "NODE=" + node);
            Run created = bash(strataBlock);
            assertThat(created.exit()).as(created.output()).isZero();
            Matcher tokenShown = Pattern.compile("\"bearer_token\":\"(access-v1:[^\"]+)\"").matcher(created.output());
            assertThat(tokenShown.find()).as(created.output()).isTrue();
            String token = tokenShown.group(1);
            Reply user = admin.get("/v1/users/");
            assertThat(user.body()).contains("\"agent-" + node.substring(0, 8) + "\"");

            // On the node: the token file and a dry run, which plans and changes nothing.
            Files.createDirectories(dir.resolve("etc/strata"));
            Files.copy(server.serverCertificate(), dir.resolve("etc/strata/ca.pem"));
            String nodeBlock = substitute(shell.get(1), put).replace("'access-v1:…'", "'" + token + "'");
            Run dryRun = bash("NODE=" + node + "\n" + nodeBlock);
            assertThat(dryRun.exit()).as(dryRun.output()).isZero();
            assertThat(dryRun.output()).contains("changes planned on node " + node + " (dry run: none made)")
                    .contains("add subsystem").doesNotContain(token);
            assertThat(Files.readString(dir.resolve("etc/strata/agent.token")).strip()).isEqualTo(token);
            assertThat(list(dir.resolve("srv/strata"))).isEmpty();
            assertThat(list(dir.resolve("nvmet/subsystems"))).isEmpty();
            assertThat(admin.get("/backends/" + node).json().get(0).path("agentVersion").asText())
                    .as("a dry run reports nothing").isEmpty();

            // The systemd unit's ExecStart, with the config file the README describes.
            Matcher keys = Pattern.compile("`([a-z.]+)=([^`]*)`").matcher(section.substring(section.indexOf("agent.properties` holding")));
            StringBuilder properties = new StringBuilder();
            while (keys.find() && properties.length() < 1000) {
                String value = switch (keys.group(1)) {
                    case "url" -> "https://strata-1.example:8090,https://strata-2.example:8090";
                    case "node" -> node;
                    default -> keys.group(2);
                };
                assertThat(keys.group(2)).as(keys.group(1)).isNotEmpty();
                properties.append(keys.group(1)).append('=').append(substitute(value, put)).append('\n');
                if (keys.group(1).equals("cacert")) {
                    break;
                }
            }
            assertThat(properties.toString()).contains("url=", "node=", "token.file=", "pool=", "cacert=");
            Files.writeString(dir.resolve("etc/strata/agent.properties"), properties);
            Matcher exec = Pattern.compile("(?m)^ExecStart=(.*)$").matcher(units.get(0));
            assertThat(exec.find()).isTrue();
            String execStart = substitute(exec.group(1), put);
            ProcessBuilder unit = new ProcessBuilder(List.of(execStart.split(" "))).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("agent.log").toFile());
            unit.environment().put("STRATA_AGENT_CONFIGFS", dir.resolve("nvmet").toString());
            Process agent = unit.start();
            try {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
                JsonNode backend = admin.get("/backends/" + node).json().get(0);
                while (Instant.now().isBefore(deadline) && (backend.path("appliedGeneration").asLong()
                        < backend.path("desiredGeneration").asLong() || backend.path("agentVersion").asText().isEmpty())) {
                    assertThat(agent.isAlive()).as(Files.readString(dir.resolve("agent.log"))).isTrue();
                    Thread.sleep(200);
                    backend = admin.get("/backends/" + node).json().get(0);
                }
                assertThat(backend.path("appliedGeneration").asLong()).as(Files.readString(dir.resolve("agent.log")))
                        .isEqualTo(backend.path("desiredGeneration").asLong());
                String replica = replicaOf(admin, volume);
                assertThat(list(dir.resolve("srv/strata"))).containsExactly(replica + ".img");
                String nqn = admin.get("/targets?volId=" + volume).json().get(0).path("targetName").asText();
                assertThat(list(dir.resolve("nvmet/subsystems"))).containsExactly(nqn);
                assertThat(list(dir.resolve("nvmet/subsystems").resolve(nqn).resolve("allowed_hosts")))
                        .containsExactly(HOST_NQN);
            } finally {
                agent.destroyForcibly();
                agent.waitFor();
            }
        }
    }

    private static String replicaOf(Api admin, String volume) {
        return admin.get("/volumes/" + volume).json().get(0).path("location").get(0).path("uuid").asText();
    }

    private static List<String> list(Path group) throws IOException {
        if (!Files.isDirectory(group)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(group)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
