package dev.strata.bootstrap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Properties;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strata}: the one executable. */
@Command(name = "strata", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Control plane of a cluster of NVMe-over-Fabrics storage nodes.",
        subcommands = {ServeCommand.class, AgentCommand.class, GenerateTokenCommand.class, UserCommand.class, DbCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Properties configFile;
        try {
            configFile = SettingsSources.configFile(args, System.getenv());
        } catch (IOException e) {
            System.err.println("strata: cannot read the config file: " + e.getMessage());
            return 2;
        }
        CommandLine commandLine = new CommandLine(new Main())
                .setDefaultValueProvider(new SettingsSources(System.getenv(), configFile))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::failed);
        return commandLine.execute(args);
    }

    /** A command that fails says why in one line; the stack trace is not for operators. */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // the whole command, as typed: "strata serve", "strata db copy"
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + message);
        err.flush();
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Strata " + dev.strata.bootstrap.Builds.current().version()};
        }
    }
}
