package dev.strata.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.bootstrap.support.Api;
import dev.strata.bootstrap.support.Reply;
import dev.strata.bootstrap.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curl calls of the README's "Connecting a host", read from the README itself and sent as
 * written (shell quoting and the {@code $HOST}/{@code $VOL} variables resolved) to a real server:
 * every one succeeds, and the targets and portals they lead to make one connect line per replica.
 */
class ReadmeHostExamplesTest {

    private static final Pattern SHELL = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dataDir;

    /**
     * The shell commands of the section: comments dropped, continuation lines and multi-line quotes
     * joined, as a shell reads them.
     */
    private static List<String> commands() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Connecting a host"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<String> commands = new ArrayList<>();
        Matcher block = SHELL.matcher(section);
        while (block.find()) {
            StringBuilder pending = new StringBuilder();
            boolean single = false;
            boolean dual = false;
            for (String line : block.group(1).split("\n")) {
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c == '#' && !single && !dual && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                        break;
                    }
                    if (c == '\'' && !dual) {
                        single = !single;
                    } else if (c == '"' && !single) {
                        dual = !dual;
                    }
                    pending.append(c);
                }
                boolean continued = pending.length() > 0 && pending.charAt(pending.length() - 1) == '\\';
                if (continued) {
                    pending.setLength(pending.length() - 1);
                }
                pending.append('\n');
                if (!continued && !single && !dual) {
                    if (!pending.toString().isBlank()) {
                        commands.add(pending.toString().strip());
                    }
                    pending.setLength(0);
                }
            }
        }
        return commands;
    }

    /** Words as a POSIX shell splits them: quotes removed, variables expanded outside single quotes. */
    private static List<String> words(String command, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean single = false;
        boolean dual = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (!single && !dual && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\'' && !dual) {
                single = !single;
            } else if (c == '"' && !single) {
                dual = !dual;
            } else if (c == '$' && !single) {
                int end = i + 1;
                while (end < command.length() && Character.isLetterOrDigit(command.charAt(end))) {
                    end++;
                }
                word.append(variables.getOrDefault(command.substring(i + 1, end), ""));
                i = end - 1;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void everyCallOfTheSectionWorksAsWrittenAndLeadsToAConnectLinePerReplica() throws IOException {
        try (TestServer server = TestServer.start(dataDir)) {
            Api admin = server.api();
            Map<String, String> variables = new HashMap<>();
            int calls = 0;
            List<String> connects = new ArrayList<>();
            boolean inLoop = false;
            for (String command : commands()) {
                if (inLoop) {
                    inLoop = !command.equals("done");
                    continue;
                }
                Matcher assignment = Pattern.compile("^([A-Z]+)=(\\S+)").matcher(command);
                if (assignment.find()) {
                    variables.put(assignment.group(1), assignment.group(2));
                    continue;
                }
                if (command.contains("| while")) {
                    // step 5's loop, done here without jq: the targets call, then each node's portals
                    connects.addAll(connectLines(admin, words(command.substring(0, command.indexOf('|')), variables)));
                    inLoop = true;
                    continue;
                }
                Reply reply = send(admin, words(command, variables));
                assertThat(reply.status()).as(command + "\n→ " + reply).isBetween(200, 299);
                calls++;
            }
            assertThat(calls).as("calls sent").isEqualTo(11);
            assertThat(connects).hasSize(2).allSatisfy(line -> assertThat(line)
                    .matches("nvme connect -t tcp -a 10\\.1\\.0\\.2[12] -s 4420 -n nqn\\.2026-11\\.dev\\.strata:host:"
                            + variables.get("HOST")));
        }
    }

    /** curl's options as the section uses them: -X, -d, -H and the URL; its base is the test server's. */
    private static Reply send(Api api, List<String> words) {
        assertThat(words.get(0)).isEqualTo("curl");
        String method = "GET";
        String body = null;
        String url = null;
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-X" -> method = words.get(++i);
                case "-d" -> body = words.get(++i);
                case "-H", "-u" -> i++;
                default -> {
                    if (words.get(i).startsWith("https://")) {
                        url = words.get(i);
                    }
                }
            }
        }
        if (body != null && method.equals("GET")) {
            method = "POST";
        }
        assertThat(url).startsWith("https://127.0.0.1:8090/");
        return api.send(method, url.substring("https://127.0.0.1:8090".length()), body);
    }

    /** Step 5 without jq: each target's name with each portal of its node. */
    private static List<String> connectLines(Api api, List<String> targetsCall) {
        Reply targets = send(api, targetsCall);
        assertThat(targets.status()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        for (JsonNode target : targets.json()) {
            JsonNode backend = api.get("/backends/" + target.path("backend").path("persistentID").asText()).json().get(0);
            for (JsonNode portal : backend.path("portals")) {
                lines.add("nvme connect -t " + portal.path("transport").asText().toLowerCase() + " -a "
                        + portal.path("ip").asText() + " -s " + portal.path("port").asInt() + " -n "
                        + target.path("targetName").asText());
            }
        }
        return lines;
    }
}
