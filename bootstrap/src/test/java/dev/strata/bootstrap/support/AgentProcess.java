package dev.strata.bootstrap.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code strata agent …} in a process of its own, the executable's own main, with its journal of
 * changes ({@code -Dstrata.agent.journal}) for the kernel-rules replay. Its output goes to one log
 * across restarts.
 */
public final class AgentProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private Process process;

    private AgentProcess(List<String> command, Path log) {
        this.command = command;
        this.log = log;
    }

    /** Starts {@code strata agent args…}, journaling to {@code journal}, logging to {@code log}. */
    public static AgentProcess start(Path journal, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dstrata.agent.journal=" + journal, "-cp", StrataProcess.classPath(),
                "dev.strata.bootstrap.cli.Main", "agent"));
        command.addAll(args);
        AgentProcess agent = new AgentProcess(List.copyOf(command), log);
        agent.launch();
        return agent;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Starts the same command again after {@link #kill()}. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("the agent still runs");
        }
        launch();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the agent to exit by itself and returns its exit code. */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the agent did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: the agent stops where it is. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
