package dev.strata.agent.adapters;

import dev.strata.agent.ports.CommandRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs commands as child processes; a non-zero exit fails with what the command wrote to stderr. */
public final class ProcessCommandRunner implements CommandRunner {

    @Override
    public String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int code = process.waitFor();
            if (code != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + code + ": " + err.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        return out;
    }
}
