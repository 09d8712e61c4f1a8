package dev.strata.bootstrap.cli;

import dev.strata.agent.AgentSettings;
import dev.strata.agent.NodeAgent;
import dev.strata.bootstrap.Builds;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata agent}: a storage node's agent (API.md §8), from the same executable. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run this storage node's agent: apply what Strata decides for the node and report what it sees."
                + " Settings also come from STRATA_AGENT_* variables (STRATA_AGENT_TOKEN_FILE for --token-file)"
                + " and a config file (--config, keys like token.file).")
final class AgentCommand implements Callable<Integer> {

    @Option(names = "--url", description = "Strata's address, or several (URL,URL,…) tried in order.")
    String url;

    @Option(names = "--node", description = "This storage node's persistentID.")
    String node;

    @Option(names = "--token-file", description = "A file holding the agent user's access token (never a flag).")
    Path tokenFile;

    @Option(names = "--pool", description = "Where replicas live: file:DIR or lvm:VG[/THINPOOL].")
    String pool;

    @Option(names = "--configfs", defaultValue = "/sys/kernel/config/nvmet",
            description = "The nvmet configfs root (default ${DEFAULT-VALUE}).")
    Path configfs;

    @Option(names = "--interval", defaultValue = "10",
            description = "Seconds between drift repairs; also the heartbeat (default ${DEFAULT-VALUE}).")
    int interval;

    @Option(names = "--cacert", description = "PEM CA certificate(s) that sign Strata's certificate.")
    Path cacert;

    @Option(names = "--insecure", description = "Accept any certificate from Strata. For a first test only.")
    boolean insecure;

    @Option(names = "--dry-run", description = "Print the changes a pass would make; change nothing, report nothing.")
    boolean dryRun;

    @Option(names = "--once", description = "One pass: fetch, apply, report, exit (0: all applied).")
    boolean once;

    @Option(names = "--config", description = "A properties file of settings, keyed like token.file for --token-file.")
    Path config;

    @Override
    public Integer call() throws Exception {
        AgentSettings settings = AgentSettings.of(url, node, tokenFile, pool, configfs, interval, cacert, insecure);
        NodeAgent.Mode mode = dryRun ? NodeAgent.Mode.DRY_RUN : once ? NodeAgent.Mode.ONCE : NodeAgent.Mode.RUN;
        int code = NodeAgent.run(settings, mode, Builds.current().version(), System.out);
        System.out.flush();
        return code;
    }
}
