package dev.strata.agent;

import dev.strata.agent.adapters.ConfigfsTarget;
import dev.strata.agent.adapters.FileConfigfsTree;
import dev.strata.agent.adapters.FilePool;
import dev.strata.agent.adapters.HttpsControlPlane;
import dev.strata.agent.adapters.Journal;
import dev.strata.agent.adapters.LvmPool;
import dev.strata.agent.adapters.ProcessCommandRunner;
import dev.strata.agent.ports.BackingStore;
import dev.strata.agent.ports.ControlPlane.ControlPlaneException;
import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.net.ssl.SSLContext;

/** Builds the agent from its settings: its adapters, its reconciler and its loop. */
public final class NodeAgent {

    private static final System.Logger LOG = System.getLogger("dev.strata.agent");

    public enum Mode { RUN, ONCE, DRY_RUN }

    private NodeAgent() {
    }

    /** Runs the agent and returns the process's exit code: 0 done, 1 not all applied, 3 token refused. */
    public static int run(AgentSettings settings, Mode mode, String version, PrintStream out)
            throws IOException, GeneralSecurityException, InterruptedException {
        SSLContext tls = settings.caFile().isPresent() ? HttpsControlPlane.trusting(settings.caFile().get())
                : settings.insecure() ? HttpsControlPlane.insecure() : HttpsControlPlane.systemDefault();
        HttpsControlPlane controlPlane = new HttpsControlPlane(settings.urls(), settings.node(), settings.token(), tls);
        BackingStore store = settings.pool() instanceof AgentSettings.FilePool file ? FilePool.open(file.dir())
                : lvm((AgentSettings.LvmPool) settings.pool());
        FileConfigfsTree tree = FileConfigfsTree.open(settings.configfs());
        Optional<Journal> journal = mode == Mode.DRY_RUN ? Optional.empty() : Journal.configured();
        Reconciler reconciler = new Reconciler(journal.map(j -> j.around(store)).orElse(store),
                new ConfigfsTarget(journal.map(j -> j.around(tree)).orElse(tree)), version,
                settings.intervalSeconds());
        AgentLoop loop = new AgentLoop(controlPlane, reconciler, duration -> Thread.sleep(duration.toMillis()),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(settings.intervalSeconds()), new Random()),
                settings.intervalSeconds());
        switch (mode) {
            case DRY_RUN -> {
                List<String> plan;
                try {
                    plan = loop.dryRun();
                } catch (ControlPlaneException e) {
                    out.println("strata agent: " + e.getMessage());
                    return e.kind() == ControlPlaneException.Kind.REFUSED ? 3 : 1;
                }
                out.println(plan.isEmpty() ? "Nothing to change on node " + settings.node() + "."
                        : plan.size() + " changes planned on node " + settings.node() + " (dry run: none made):");
                plan.forEach(line -> out.println("  " + line));
                return 0;
            }
            case ONCE -> {
                return exitCode(loop.once());
            }
            default -> {
                LOG.log(System.Logger.Level.INFO, "agent of node " + settings.node() + " on " + store.describe()
                        + " and " + (tree.kernel() ? "the kernel's nvmet" : "the directory") + " "
                        + settings.configfs() + ", Strata at " + settings.urls());
                return exitCode(loop.run(() -> true));
            }
        }
    }

    private static BackingStore lvm(AgentSettings.LvmPool lvm) {
        return new LvmPool(lvm.volumeGroup(), lvm.thinPool(), new ProcessCommandRunner());
    }

    private static int exitCode(AgentLoop.Outcome outcome) {
        return switch (outcome) {
            case APPLIED, STOPPED -> 0;
            case INCOMPLETE -> 1;
            case REFUSED -> 3;
        };
    }
}
