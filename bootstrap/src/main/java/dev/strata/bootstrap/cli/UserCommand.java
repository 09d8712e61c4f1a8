package dev.strata.bootstrap.cli;

import dev.strata.application.Settings;
import dev.strata.bootstrap.Wiring;
import dev.strata.domain.access.AuthMode;
import dev.strata.domain.access.Password;
import dev.strata.domain.access.UserName;
import dev.strata.domain.node.OvercommitLimit;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Offline user administration, straight on the database: for recovery when nobody can sign in. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Offline user administration.",
        subcommands = UserCommand.ResetPassword.class)
final class UserCommand {

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a user's password without the old one and end their sessions. Reads the new "
                    + "password from the terminal, or from standard input when there is none. Works while the "
                    + "server runs or stops.")
    static final class ResetPassword implements Callable<Integer> {

        @Option(names = "--data-dir", defaultValue = "./data", description = "Strata's data directory.")
        Path dataDir;

        @Option(names = "--name", required = true, description = "The user.")
        String name;

        @Override
        public Integer call() throws Exception {
            Password password = Password.newPassword("the new password", readPassword());
            try (Wiring wiring = Wiring.create(dataDir.resolve("strata.db"),
                    new Settings(AuthMode.LOCAL, OvercommitLimit.DEFAULT), Clock.tickMillis(ZoneOffset.UTC))) {
                wiring.openDatabase(Optional.empty());
                wiring.access().resetPassword(new UserName(name), password);
            }
            System.out.println("Password of " + name + " reset; their sessions have ended.");
            return 0;
        }

        private static String readPassword() throws java.io.IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("New password: ");
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the passwords differ");
                }
                return new String(first);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return line;
        }
    }
}
